/// Compares what the profile declares with what the servers hold and decides, per stream and consumer,
/// what to do. Pure and deterministic: same inputs, same plan, no I/O. Work is linear in the number of
/// resources (dictionary lookups by name).
public enum Planner {
    public static func plan(
        desired: DesiredState, actual: ActualState, capabilities: ServerCapabilities,
        options: PlanOptions = PlanOptions()
    ) -> Plan {
        let context = Context(environment: desired.environment, capabilities: capabilities, options: options)
        let desiredTenants = Dictionary(desired.tenants.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let tenantNames = Set(desiredTenants.keys).union(actual.tenants.keys).sorted()
        var resources: [PlannedResource] = []
        for tenant in tenantNames {
            guard options.targets.isEmpty || options.targets.contains(where: { $0.tenant == tenant }) else { continue }
            let address = ResourceAddress(tenant: tenant)
            switch actual.tenants[tenant] ?? .streams([]) {
            case .unreadable(let message):
                resources.append(
                    PlannedResource(
                        address: address, kind: .tenant, action: .error,
                        reason: "could not read the tenant's streams: \(message)",
                        blocked: "nothing is planned for this tenant until it can be read"))
            case .streams(let streams):
                resources += context.planTenant(
                    tenant, desired: desiredTenants[tenant]?.streams ?? [], actual: streams)
            }
        }
        return Plan(environment: desired.environment, server: capabilities, options: options, resources: resources)
    }
}

/// The per-plan constants and the classification rules.
private struct Context {
    let environment: String
    let capabilities: ServerCapabilities
    let options: PlanOptions

    static let preventDeleteBlock =
        "prevent_delete is set: hodei-provision never deletes or replaces this resource, whatever the flags"
    static let replaceBlock = "replacing loses data: re-run with --allow-replace to allow it"
    static let pruneBlock = "removed from the profile: would delete with --prune"

    func planTenant(_ tenant: String, desired: [DesiredStream], actual: [ActualStream]) -> [PlannedResource] {
        let desiredByName = Dictionary(desired.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let actualByName = Dictionary(actual.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var out: [PlannedResource] = []
        for name in Set(desiredByName.keys).union(actualByName.keys).sorted() {
            let address = ResourceAddress(tenant: tenant, stream: name)
            let planned = planStream(address, desired: desiredByName[name], actual: actualByName[name])
            out += applyTargets(planned)
        }
        return out
    }

    /// Keeps the selected resources, plus a stream being created that a selected consumer needs.
    private func applyTargets(_ planned: [PlannedResource]) -> [PlannedResource] {
        guard !options.targets.isEmpty, let stream = planned.first else { return planned }
        let consumers = planned.dropFirst().filter { options.selects($0.address) }
        let keepStream = options.selects(stream.address) || (!consumers.isEmpty && stream.action == .create)
        return (keepStream ? [stream] : []) + consumers
    }

    // MARK: streams

    private func planStream(_ address: ResourceAddress, desired: DesiredStream?, actual: ActualStream?) -> [PlannedResource] {
        if options.destroy { return destroyStream(address, desired: desired, actual: actual) }
        switch (desired, actual) {
        case (let desired?, nil):
            return createStream(address, desired)
        case (let desired?, let actual?):
            return updateStream(address, desired, actual)
        case (nil, let actual?):
            return removedStream(address, actual)
        case (nil, nil):
            return []
        }
    }

    private func streamDiff(_ desired: DesiredStream) -> ConfigDiff {
        let stamped = Ownership.stamp(
            desired.config.fields, environment: environment, preventDelete: desired.preventDelete,
            useMetadata: capabilities.supportsMetadata)
        return ConfigDiff(kind: .stream, desired: stamped)
    }

    private func createStream(_ address: ResourceAddress, _ desired: DesiredStream) -> [PlannedResource] {
        let diff = streamDiff(desired)
        let problems = diff.problems(on: capabilities)
        var stream = PlannedResource(
            address: address, kind: .stream, action: .create, changes: diff.creationChanges(),
            config: diff.createBody(on: capabilities))
        var consumerBlock: String?
        if !problems.isEmpty {
            stream = PlannedResource(address: address, kind: .stream, action: .error, reason: problems.joined(separator: "; "))
            consumerBlock = "its stream \(address) cannot be created"
        }
        let consumers = desired.consumers.sorted { $0.name < $1.name }.map { consumer in
            var planned = createConsumer(address, consumer)
            if planned.action != .error, let consumerBlock { planned.blocked = consumerBlock }
            return planned
        }
        return [stream] + consumers
    }

    private func updateStream(_ address: ResourceAddress, _ desired: DesiredStream, _ actual: ActualStream) -> [PlannedResource] {
        let ownership = Ownership(fields: actual.info.config.fields)
        let ours = ownership.isManaged(by: environment)
        if !ours, !options.adopt {
            let stream = PlannedResource(
                address: address, kind: .stream, action: .unmanaged, reason: unmanagedReason(ownership),
                blocked: "not managed by this profile")
            let consumers = desired.consumers.sorted { $0.name < $1.name }.map {
                PlannedResource(
                    address: ResourceAddress(tenant: address.tenant, stream: address.stream, consumer: $0.name),
                    kind: .consumer, action: .unmanaged,
                    reason: "its stream \(address) is not managed by this profile (use --adopt to manage it)",
                    blocked: "not managed by this profile")
            }
            return [stream] + consumers
        }
        let diff = streamDiff(desired)
        let problems = diff.problems(on: capabilities)
        if !problems.isEmpty {
            let stream = PlannedResource(address: address, kind: .stream, action: .error, reason: problems.joined(separator: "; "))
            return [stream] + planConsumers(address, desired: desired.consumers, actual: actual.consumers)
        }
        let changes = diff.changes(from: actual.info.config.fields, on: capabilities.version)
        let adoptNote = ours ? nil : "adopting: writes this profile's ownership marker (\(unmanagedReason(ownership)))"
        if changes.isEmpty {
            return [PlannedResource(address: address, kind: .stream, action: .noChange)]
                + planConsumers(address, desired: desired.consumers, actual: actual.consumers)
        }
        let refusals = changes.filter { $0.forcesReplacement != nil }
        guard !refusals.isEmpty else {
            let stream = PlannedResource(
                address: address, kind: .stream, action: .update, changes: changes, reason: adoptNote,
                config: diff.updateBody(from: actual.info.config.fields, changes: changes))
            return [stream] + planConsumers(address, desired: desired.consumers, actual: actual.consumers)
        }
        // Replace: delete then create; every consumer goes with the stream.
        let protected = desired.preventDelete || ownership.preventsDelete
            || desired.consumers.contains(where: \.preventDelete)
            || actual.consumers.contains { Ownership(fields: $0.config.fields).preventsDelete }
        let blocked = protected ? Context.preventDeleteBlock : (options.allowReplace ? nil : Context.replaceBlock)
        let stream = PlannedResource(
            address: address, kind: .stream, action: .replace, changes: changes,
            reason: replaceReason(refusals, kind: .stream),
            dataLoss: DataLoss(messages: actual.info.state.messages, consumers: actual.consumers.count),
            blocked: blocked, config: diff.createBody(on: capabilities))
        guard blocked == nil else {
            return [stream] + planConsumers(address, desired: desired.consumers, actual: actual.consumers)
        }
        let desiredNames = Set(desired.consumers.map(\.name))
        var consumers = desired.consumers.map { consumer -> PlannedResource in
            var planned = createConsumer(address, consumer)
            planned.reason = "recreated after its stream \(address) is replaced"
            return planned
        }
        consumers += actual.consumers.filter { !desiredNames.contains($0.name) }.map {
            deletedWithStream(address, $0)
        }
        return [stream] + consumers.sorted { $0.address < $1.address }
    }

    private func removedStream(_ address: ResourceAddress, _ actual: ActualStream) -> [PlannedResource] {
        let ownership = Ownership(fields: actual.info.config.fields)
        guard ownership.isManaged(by: environment) else { return [] }
        return deleteStream(address, actual, ownership: ownership, reason: "removed from the profile", needsPrune: true)
    }

    private func destroyStream(_ address: ResourceAddress, desired: DesiredStream?, actual: ActualStream?) -> [PlannedResource] {
        guard let actual else { return [] }
        let ownership = Ownership(fields: actual.info.config.fields)
        guard ownership.isManaged(by: environment) else {
            guard desired != nil else { return [] }
            return [
                PlannedResource(
                    address: address, kind: .stream, action: .unmanaged, reason: unmanagedReason(ownership),
                    blocked: "destroy removes only resources this profile manages")
            ]
        }
        var out = deleteStream(
            address, actual, ownership: ownership, reason: "destroy: managed by profile '\(environment)'",
            needsPrune: false,
            extraProtection: (desired?.preventDelete ?? false) || (desired?.consumers.contains(where: \.preventDelete) ?? false))
        // A protected stream's consumers that are protected in the profile stay too.
        let protectedConsumers = Set(desired?.consumers.filter(\.preventDelete).map(\.name) ?? [])
        for index in out.indices where out[index].kind == .consumer && out[index].impliedBy == nil {
            if let name = out[index].address.consumer, protectedConsumers.contains(name) {
                out[index].blocked = Context.preventDeleteBlock
            }
        }
        return out
    }

    /// Stream delete: consumers go with it (implied), unless the stream stays, then each managed one is judged alone.
    private func deleteStream(
        _ address: ResourceAddress, _ actual: ActualStream, ownership: Ownership, reason: String, needsPrune: Bool,
        extraProtection: Bool = false
    ) -> [PlannedResource] {
        let consumersProtected = actual.consumers.contains { Ownership(fields: $0.config.fields).preventsDelete }
        let blocked: String?
        if ownership.preventsDelete || extraProtection || consumersProtected {
            blocked = Context.preventDeleteBlock
        } else if needsPrune, !options.prune {
            blocked = Context.pruneBlock
        } else {
            blocked = nil
        }
        let stream = PlannedResource(
            address: address, kind: .stream, action: .delete, reason: reason,
            dataLoss: DataLoss(messages: actual.info.state.messages, consumers: actual.consumers.count), blocked: blocked)
        let managed = actual.consumers.filter { Ownership(fields: $0.config.fields).isManaged(by: environment) }
            .sorted { $0.name < $1.name }
        if blocked == nil {
            return [stream] + managed.map { deletedWithStream(address, $0) }
        }
        return [stream] + managed.map { removedConsumer(address, $0, reason: reason, needsPrune: needsPrune) }
    }

    // MARK: consumers

    private func planConsumers(_ stream: ResourceAddress, desired: [DesiredConsumer], actual: [ConsumerInfo]) -> [PlannedResource] {
        let desiredByName = Dictionary(desired.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let actualByName = Dictionary(actual.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var out: [PlannedResource] = []
        for name in Set(desiredByName.keys).union(actualByName.keys).sorted() {
            switch (desiredByName[name], actualByName[name]) {
            case (let desired?, nil):
                out.append(createConsumer(stream, desired))
            case (let desired?, let actual?):
                out.append(updateConsumer(stream, desired, actual))
            case (nil, let actual?):
                if Ownership(fields: actual.config.fields).isManaged(by: environment) {
                    out.append(removedConsumer(stream, actual, reason: "removed from the profile", needsPrune: true))
                }
            case (nil, nil):
                break
            }
        }
        return out
    }

    private func consumerDiff(_ desired: DesiredConsumer) -> ConfigDiff {
        let stamped = Ownership.stamp(
            desired.config.fields, environment: environment, preventDelete: desired.preventDelete,
            useMetadata: capabilities.supportsMetadata)
        return ConfigDiff(kind: .consumer, desired: stamped)
    }

    private func consumerAddress(_ stream: ResourceAddress, _ name: String) -> ResourceAddress {
        ResourceAddress(tenant: stream.tenant, stream: stream.stream, consumer: name)
    }

    private func createConsumer(_ stream: ResourceAddress, _ desired: DesiredConsumer) -> PlannedResource {
        let address = consumerAddress(stream, desired.name)
        let diff = consumerDiff(desired)
        let problems = diff.problems(on: capabilities)
        guard problems.isEmpty else {
            return PlannedResource(address: address, kind: .consumer, action: .error, reason: problems.joined(separator: "; "))
        }
        return PlannedResource(
            address: address, kind: .consumer, action: .create, changes: diff.creationChanges(),
            config: diff.createBody(on: capabilities))
    }

    private func updateConsumer(_ stream: ResourceAddress, _ desired: DesiredConsumer, _ actual: ConsumerInfo) -> PlannedResource {
        let address = consumerAddress(stream, desired.name)
        let ownership = Ownership(fields: actual.config.fields)
        let ours = ownership.isManaged(by: environment)
        if !ours, !options.adopt {
            return PlannedResource(
                address: address, kind: .consumer, action: .unmanaged, reason: unmanagedReason(ownership),
                blocked: "not managed by this profile")
        }
        let diff = consumerDiff(desired)
        let problems = diff.problems(on: capabilities)
        guard problems.isEmpty else {
            return PlannedResource(address: address, kind: .consumer, action: .error, reason: problems.joined(separator: "; "))
        }
        let changes = diff.changes(from: actual.config.fields, on: capabilities.version)
        if changes.isEmpty { return PlannedResource(address: address, kind: .consumer, action: .noChange) }
        let refusals = changes.filter { $0.forcesReplacement != nil }
        guard !refusals.isEmpty else {
            let adoptNote = ours ? nil : "adopting: writes this profile's ownership marker (\(unmanagedReason(ownership)))"
            return PlannedResource(
                address: address, kind: .consumer, action: .update, changes: changes, reason: adoptNote,
                config: diff.updateBody(from: actual.config.fields, changes: changes))
        }
        let protected = desired.preventDelete || ownership.preventsDelete
        return PlannedResource(
            address: address, kind: .consumer, action: .replace, changes: changes,
            reason: replaceReason(refusals, kind: .consumer),
            dataLoss: DataLoss(pending: actual.numPending, ackPending: actual.numAckPending),
            blocked: protected ? Context.preventDeleteBlock : (options.allowReplace ? nil : Context.replaceBlock),
            config: diff.createBody(on: capabilities))
    }

    private func removedConsumer(_ stream: ResourceAddress, _ actual: ConsumerInfo, reason: String, needsPrune: Bool) -> PlannedResource {
        let ownership = Ownership(fields: actual.config.fields)
        let blocked: String? =
            ownership.preventsDelete ? Context.preventDeleteBlock : (needsPrune && !options.prune ? Context.pruneBlock : nil)
        return PlannedResource(
            address: consumerAddress(stream, actual.name), kind: .consumer, action: .delete, reason: reason,
            dataLoss: DataLoss(pending: actual.numPending, ackPending: actual.numAckPending), blocked: blocked)
    }

    private func deletedWithStream(_ stream: ResourceAddress, _ actual: ConsumerInfo) -> PlannedResource {
        PlannedResource(
            address: consumerAddress(stream, actual.name), kind: .consumer, action: .delete,
            reason: "deleted with its stream \(stream)",
            dataLoss: DataLoss(pending: actual.numPending, ackPending: actual.numAckPending), impliedBy: stream)
    }

    // MARK: wording

    private func unmanagedReason(_ ownership: Ownership) -> String {
        switch ownership {
        case .managed(let owner, _):
            return "exists, managed by profile '\(owner)', not '\(environment)'; left alone (use --adopt to take it over)"
        case .unmanaged:
            return "exists, not managed by hodei-provision; left alone (use --adopt to manage it)"
        }
    }

    private func replaceReason(_ refusals: [FieldChange], kind: ResourceKind) -> String {
        refusals.map { change in
            "\(change.field) \(ValueFormatter.format(change.old, field: change.field, kind: kind)) → "
                + "\(ValueFormatter.format(change.new, field: change.field, kind: kind)): \(change.forcesReplacement ?? "")"
        }.joined(separator: "; ")
    }
}
