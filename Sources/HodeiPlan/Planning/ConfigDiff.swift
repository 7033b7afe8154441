/// Field-level comparison of one desired config with its live counterpart, after normalising both.
struct ConfigDiff {
    let kind: ResourceKind
    /// Desired config with the ownership marker, as it would be sent on create.
    let desired: [String: JSONValue]
    let desiredNormalised: [String: JSONValue]

    init(kind: ResourceKind, desired: [String: JSONValue]) {
        self.kind = kind
        self.desired = desired
        self.desiredNormalised = Normaliser.normalise(desired, kind: kind)
    }

    /// Changes from `actual` to the desired config, sorted by field name.
    func changes(from actual: [String: JSONValue], on server: ServerVersion) -> [FieldChange] {
        let actualNormalised = Normaliser.normalise(actual, kind: kind)
        let catalogue = FieldCatalogue.fields(for: kind)
        var keys = kind == .stream ? FieldCatalogue.streamComparedByDefault : FieldCatalogue.consumerComparedByDefault
        keys.formUnion(desiredNormalised.keys)
        var changes: [FieldChange] = []
        // Unsorted walk (most configs have no change), sorted result.
        for key in keys {
            let old = actualNormalised[key]
            let new = desiredNormalised[key]
            guard old != new else { continue }
            let refusal = catalogue[key]?.mutability.refusal(old: old, new: new, on: server)
            changes.append(FieldChange(field: key, old: old, new: new, forcesReplacement: refusal))
        }
        return changes.sorted { $0.field < $1.field }
    }

    /// For a create: every field the profile sets (marker included), from absent to its value.
    func creationChanges() -> [FieldChange] {
        let catalogue = FieldCatalogue.fields(for: kind)
        return desired.keys.sorted().compactMap { key in
            let value = desired[key]!
            guard !value.isZero else { return nil }
            let shown = catalogue[key].map { _ in Normaliser.normalise([key: value], kind: kind)[key] ?? value } ?? value
            return FieldChange(field: key, old: nil, new: shown)
        }
    }

    /// Problems the live server would not catch (or would catch only half-way through an apply):
    /// fields newer than the server set to a non-default value, more replicas than servers.
    func problems(on capabilities: ServerCapabilities) -> [String] {
        var problems: [String] = []
        let catalogue = FieldCatalogue.fields(for: kind)
        // Most fields are known to the server: find the newer ones first, sort only those.
        let newer = desiredNormalised.keys.filter { key in catalogue[key].map { $0.since > capabilities.version } ?? false }
        for key in newer.sorted() {
            let spec = catalogue[key]!
            var without = desired
            without[key] = nil
            // Set to what the server would default it to anyway (e.g. compression: none): harmless.
            if Normaliser.normalise(without, kind: kind)[key] == desiredNormalised[key] { continue }
            problems.append(
                "\(key) needs nats-server \(spec.since) or later; this server is \(capabilities.version) "
                    + "(which would silently ignore it): remove it from the profile or upgrade the server")
        }
        if let replicas = desiredNormalised["num_replicas"]?.intValue, replicas > capabilities.clusterSize {
            problems.append(
                "num_replicas \(replicas) needs at least \(replicas) JetStream servers; this deployment has "
                    + "\(capabilities.clusterSize): lower num_replicas")
        }
        return problems
    }

    /// The body to send on create: the profile's fields (with marker), minus default-valued fields the
    /// server is too old to know (a current server rejects unknown JSON fields).
    func createBody(on capabilities: ServerCapabilities) -> [String: JSONValue] {
        let catalogue = FieldCatalogue.fields(for: kind)
        return desired.filter { key, _ in (catalogue[key]?.since ?? ServerVersion(0, 0)) <= capabilities.version }
    }

    /// The body to send on update: the live config (so fields this tool does not know survive) with the
    /// changed fields set to their desired values.
    func updateBody(from actual: [String: JSONValue], changes: [FieldChange]) -> [String: JSONValue] {
        var body = Normaliser.strippingReservedMetadata(actual)
        for change in changes {
            body[change.field] = change.new
        }
        return body
    }
}
