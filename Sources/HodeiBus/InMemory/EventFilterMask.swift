/// A filter reduced to the set of the twelve event kinds it matches under a bus's prefix: the bus
/// carries only those subjects, so matching per event becomes one AND.
enum EventFilterMask {
    static let all: UInt16 = (1 << EventKind.allCases.count) - 1

    static func mask(of filter: SubjectFilter, subjects: EventSubjects) -> UInt16 {
        if filter == .all { return all }
        var mask: UInt16 = 0
        for kind in EventKind.allCases where filter.matches(subjects.subject(for: kind)) {
            mask |= 1 << kind.index
        }
        return mask
    }
}
