import Synchronization

/// One member's view of an `InMemoryGroup`.
final class GroupMemberSource: SubscriptionSource {
    private let group: InMemoryGroup
    private let member: UInt64
    private let ended = Atomic<Bool>(false)
    private let onEnd: @Sendable (UInt64) -> Void

    init(group: InMemoryGroup, member: UInt64, onEnd: @escaping @Sendable (UInt64) -> Void) {
        self.group = group
        self.member = member
        self.onEnd = onEnd
        group.join(member: member)
    }

    var missedCount: UInt64 { group.missedCount }

    func nextBatch() async -> [EventDelivery] {
        return await withTaskCancellationHandler {
            await group.pull(member: member)
        } onCancel: {
            cancel()
        }
    }

    func cancel() {
        guard !ended.exchange(true, ordering: .acquiringAndReleasing) else { return }
        group.leave(member: member)
        onEnd(member)
    }
}
