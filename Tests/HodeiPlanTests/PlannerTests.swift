import Foundation
import Testing

@testable import HodeiPlan

struct PlannerTests {
    let events = Build.stream("EVENTS", ["max_age": 3_600_000_000_000])

    // MARK: create / no change

    @Test func createsMissingStreamAndConsumersWithOwnershipMarker() throws {
        let desired = Build.desired([DesiredStream(config: events, consumers: [DesiredConsumer(config: Build.consumer("workers"))])])
        let plan = Build.plan(desired, Build.actual([]))
        #expect(plan.resources.map(\.address.description) == ["acme/EVENTS", "acme/EVENTS/workers"])
        #expect(plan.resources.map(\.action) == [.create, .create])
        let body = try #require(plan.resources[0].streamConfig)
        #expect(body.userMetadata == ["hodei.managed-by": "hodei-provision", "hodei.profile": "dev"])
        #expect(plan.summary.text == "2 to create, 0 to update, 0 to replace, 0 to delete.")
    }

    @Test func oldServerGetsOwnershipInDescription() throws {
        let desired = Build.desired([DesiredStream(config: Build.stream("EVENTS", ["description": "events"]))])
        let plan = Build.plan(desired, Build.actual([]), capabilities: Build.old)
        let body = try #require(plan.resources.first?.streamConfig)
        #expect(body.description == "[hodei-provision:dev] events")
        #expect(body.metadata == nil)
    }

    @Test(arguments: [Build.current, Build.old])
    func unchangedProfileIsNoChange(capabilities: ServerCapabilities) {
        let consumer = Build.consumer("workers", ["max_deliver": 5])
        let desired = Build.desired([DesiredStream(config: events, consumers: [DesiredConsumer(config: consumer)])])
        let actual = Build.actual([
            Build.actualStream(
                events, messages: 10, consumers: [Build.actualConsumer("EVENTS", consumer, capabilities: capabilities)],
                capabilities: capabilities)
        ])
        let plan = Build.plan(desired, actual, capabilities: capabilities)
        #expect(plan.resources.map(\.action) == [.noChange, .noChange])
        #expect(!plan.hasChanges)
        #expect(PlanRenderer().render(plan) == "No changes.\n")
    }

    @Test func realServerResponseIsNoChange() throws {
        let info = try Fixtures.decode(StreamInfo.self, "server-2.15.1/stream-info.json")
        let consumer = try Fixtures.decode(ConsumerInfo.self, "server-2.15.1/consumer-info.json")
        // What the capture script sent, subjects in another order, metadata without the prefix keys.
        let desired = StreamConfig(fields: [
            "name": "HODEI_EVENTS", "subjects": ["hodei.events.a.>", "hodei.events.b.>"], "max_msgs": 1000,
            "max_bytes": 1_048_576, "max_age": 3_600_000_000_000, "max_msg_size": 65536, "max_msgs_per_subject": 10,
            "max_consumers": 5, "discard": "new", "duplicate_window": 60_000_000_000, "description": "events",
            "allow_rollup_hdrs": true, "deny_delete": true, "allow_direct": true, "compression": "s2",
        ])
        let desiredConsumer = ConsumerConfig(fields: [
            "durable_name": "processors", "ack_policy": "explicit", "ack_wait": 10_000_000_000, "max_deliver": 5,
            "filter_subject": "hodei.events.a.>", "max_ack_pending": 50, "backoff": [1_000_000_000, 2_000_000_000],
            "description": "job processors",
            "metadata": ["hodei.managed-by": "hodei-provision"],
        ])
        var live = consumer
        live.config.metadata?["hodei.profile"] = "dev"
        let plan = Build.plan(
            Build.desired([DesiredStream(config: desired, consumers: [DesiredConsumer(config: desiredConsumer)])]),
            Build.actual([ActualStream(info: info, consumers: [live])]))
        #expect(plan.resources.map(\.action) == [.noChange, .noChange], "\(plan.resources.flatMap(\.changes))")
    }

    // MARK: update in place

    @Test(arguments: [
        ("max_age", JSONValue.int(7_200_000_000_000)), ("max_msgs", 500), ("max_bytes", 1_000_000), ("max_msg_size", 1024),
        ("max_msgs_per_subject", 3), ("max_consumers", 10), ("discard", "new"), ("duplicate_window", 30_000_000_000),
        ("description", "changed"), ("compression", "s2"), ("allow_direct", true), ("deny_delete", true),
        ("deny_purge", true), ("allow_rollup_hdrs", true), ("allow_msg_ttl", true), ("subjects", ["x.>", "y.>"]),
        ("retention", "interest"), ("num_replicas", 1), ("metadata", ["team": "ci"]),
    ] as [(String, JSONValue)])
    func mutableStreamFieldUpdatesInPlace(field: String, value: JSONValue) throws {
        var changed = events
        changed[field] = value
        let plan = Build.plan(
            Build.desired([DesiredStream(config: changed)]), Build.actual([Build.actualStream(events, messages: 42)]))
        let resource = try #require(plan.resource("acme/EVENTS"))
        if field == "num_replicas" {
            #expect(resource.action == .noChange)  // 1 is the default
            return
        }
        #expect(resource.action == .update)
        #expect(resource.changes.map(\.field) == [field])
        #expect(resource.changes.allSatisfy { $0.forcesReplacement == nil })
        #expect(resource.dataLoss == nil)
        let body = try #require(resource.streamConfig)
        if field == "metadata" {
            #expect(body.userMetadata == ["team": "ci", "hodei.managed-by": "hodei-provision", "hodei.profile": "dev"])
        } else {
            #expect(Normaliser.normalise(body)[field] == Normaliser.normalise(changed)[field])
        }
    }

    @Test(arguments: [
        ("ack_wait", JSONValue.int(60_000_000_000)), ("max_deliver", 3), ("max_ack_pending", 10), ("filter_subject", "x.>"),
        ("description", "c"), ("backoff", [1_000_000_000, 5_000_000_000]), ("headers_only", true), ("inactive_threshold", 3_600_000_000_000),
        ("max_batch", 10), ("max_expires", 5_000_000_000), ("metadata", ["team": "ci"]), ("filter_subjects", ["a", "b"]),
    ] as [(String, JSONValue)])
    func mutableConsumerFieldUpdatesInPlace(field: String, value: JSONValue) throws {
        let base = Build.consumer("workers")
        var changed = base
        changed[field] = value
        let plan = Build.plan(
            Build.desired([DesiredStream(config: events, consumers: [DesiredConsumer(config: changed)])]),
            Build.actual([Build.actualStream(events, consumers: [Build.actualConsumer("EVENTS", base, pending: 7)])]))
        let resource = try #require(plan.resource("acme/EVENTS/workers"))
        #expect(resource.action == .update)
        #expect(resource.changes.contains { $0.field == field })
        #expect(resource.changes.allSatisfy { $0.forcesReplacement == nil })
    }

    @Test func updateBodyKeepsFieldsThisToolDoesNotKnow() throws {
        var live = Build.actualStream(events)
        live.info.config["x_future_field"] = ["keep": true]
        var changed = events
        changed.maxMsgs = 10
        let plan = Build.plan(Build.desired([DesiredStream(config: changed)]), Build.actual([live]))
        let body = try #require(plan.resource("acme/EVENTS")?.streamConfig)
        #expect(body["x_future_field"] == ["keep": true])
        #expect(body.maxMsgs == 10)
        #expect(body.metadata?.keys.contains { $0.hasPrefix("_nats.") } == false)
    }

    // MARK: replace

    @Test(arguments: [
        ("storage", JSONValue.string("file"), JSONValue.string("memory"), "storage cannot change after creation"),
        ("retention", "limits", "workqueue", "retention cannot change to or from workqueue after creation"),
        ("deny_delete", true, false, "deny_delete cannot be turned off after creation"),
        ("deny_purge", true, false, "deny_purge cannot be turned off after creation"),
        ("sealed", true, false, "a sealed stream cannot be unsealed"),
        ("allow_msg_ttl", true, false, "allow_msg_ttl cannot be turned off after creation"),
        ("mirror", nil, ["name": "OTHER"] as JSONValue, "a mirror cannot be added or changed after creation"),
    ] as [(String, JSONValue?, JSONValue?, String)])
    func immutableStreamChangeRequiresReplace(field: String, old: JSONValue?, new: JSONValue?, reason: String) throws {
        var before = events
        before[field] = old
        var after = events
        after[field] = new
        let actual = Build.actual([Build.actualStream(before, messages: 12_345)])
        let blockedPlan = Build.plan(Build.desired([DesiredStream(config: after)]), actual)
        let blocked = try #require(blockedPlan.resource("acme/EVENTS"))
        #expect(blocked.action == .replace)
        #expect(blocked.blocked == "replacing loses data: re-run with --allow-replace to allow it")
        #expect(blocked.changes.first { $0.field == field }?.forcesReplacement == reason)
        #expect(blocked.dataLoss?.messages == 12_345)
        #expect(blockedPlan.summary.replace == 0 && blockedPlan.summary.blocked == 1)

        let allowed = Build.plan(Build.desired([DesiredStream(config: after)]), actual, options: PlanOptions(allowReplace: true))
        let resource = try #require(allowed.resource("acme/EVENTS"))
        #expect(resource.action == .replace)
        #expect(resource.blocked == nil)
        #expect(allowed.summary.replace == 1)
        #expect(allowed.destructiveSteps.map(\.address.description) == ["acme/EVENTS"])
    }

    // Probed on real servers (Fixtures/mutability-probes.json): 2.9.10 refuses both, 2.15.1 allows both.
    @Test(arguments: [(Build.current, PlanAction.update), (Build.old, .replace)])
    func retentionLimitsToInterestDependsOnServer(capabilities: ServerCapabilities, expected: PlanAction) throws {
        var interest = events
        interest.retention = .interest
        let plan = Build.plan(
            Build.desired([DesiredStream(config: interest)]),
            Build.actual([Build.actualStream(events, capabilities: capabilities)]), capabilities: capabilities)
        #expect(plan.resource("acme/EVENTS")?.action == expected)
    }

    @Test(arguments: [(Build.current, PlanAction.update), (Build.old, .replace)])
    func mirrorRemovalDependsOnServer(capabilities: ServerCapabilities, expected: PlanAction) throws {
        let mirror = StreamConfig(fields: ["name": "M", "mirror": ["name": "S"]])
        let plain = StreamConfig(fields: ["name": "M", "subjects": ["m.>"]])
        let plan = Build.plan(
            Build.desired([DesiredStream(config: plain)]),
            Build.actual([Build.actualStream(mirror, capabilities: capabilities)]), capabilities: capabilities)
        #expect(plan.resource("acme/M")?.action == expected)
    }

    @Test(arguments: [
        ("deliver_policy", JSONValue.string("new"), "deliver_policy cannot change after creation"),
        ("ack_policy", "all", "ack_policy cannot change after creation"),
        ("replay_policy", "original", "replay_policy cannot change after creation"),
        ("opt_start_seq", 5, "opt_start_seq cannot change after creation"),
        ("mem_storage", true, "mem_storage cannot change after creation"),
        ("max_waiting", 10, "max_waiting cannot change after creation"),
        ("deliver_subject", "push.here", "a consumer cannot switch between push and pull"),
    ])
    func immutableConsumerChangeRequiresReplace(field: String, value: JSONValue, reason: String) throws {
        let base = Build.consumer("workers")
        var changed = base
        changed[field] = value
        let actual = Build.actual([Build.actualStream(events, consumers: [Build.actualConsumer("EVENTS", base, pending: 9, ackPending: 2)])])
        let plan = Build.plan(
            Build.desired([DesiredStream(config: events, consumers: [DesiredConsumer(config: changed)])]), actual,
            options: PlanOptions(allowReplace: true))
        let resource = try #require(plan.resource("acme/EVENTS/workers"))
        #expect(resource.action == .replace)
        #expect(resource.changes.contains { $0.field == field && $0.forcesReplacement == reason })
        #expect(resource.dataLoss == DataLoss(pending: 9, ackPending: 2))
        #expect(resource.blocked == nil)
    }

    @Test func replacingStreamRecreatesItsConsumers() throws {
        let consumer = Build.consumer("workers")
        var memory = events
        memory.storage = .memory
        let actual = Build.actual([
            Build.actualStream(events, messages: 5, consumers: [
                Build.actualConsumer("EVENTS", consumer), Build.actualConsumer("EVENTS", Build.consumer("old")),
            ])
        ])
        let plan = Build.plan(
            Build.desired([DesiredStream(config: memory, consumers: [DesiredConsumer(config: consumer)])]), actual,
            options: PlanOptions(allowReplace: true))
        #expect(plan.resources.map(\.address.description) == ["acme/EVENTS", "acme/EVENTS/old", "acme/EVENTS/workers"])
        #expect(plan.resources.map(\.action) == [.replace, .delete, .create])
        #expect(plan.resource("acme/EVENTS/old")?.impliedBy?.description == "acme/EVENTS")
        #expect(plan.resource("acme/EVENTS")?.dataLoss == DataLoss(messages: 5, consumers: 2))
    }

    // MARK: prevent_delete

    @Test(arguments: [true, false])
    func preventDeleteBlocksReplaceWhateverTheFlags(protectedInProfile: Bool) throws {
        var memory = events
        memory.storage = .memory
        let actual = Build.actual([Build.actualStream(events, messages: 1, preventDelete: !protectedInProfile)])
        let plan = Build.plan(
            Build.desired([DesiredStream(config: memory, preventDelete: protectedInProfile)]), actual,
            options: PlanOptions(allowReplace: true, prune: true))
        let resource = try #require(plan.resource("acme/EVENTS"))
        #expect(resource.action == .replace)
        #expect(resource.blocked?.hasPrefix("prevent_delete is set") == true)
        #expect(plan.destructiveSteps.isEmpty)
    }

    @Test(arguments: [PlanOptions(prune: true), PlanOptions(allowReplace: true, prune: true, destroy: true)])
    func preventDeleteBlocksDeleteWhateverTheFlags(options: PlanOptions) throws {
        let actual = Build.actual([Build.actualStream(events, messages: 1, preventDelete: true)])
        let plan = Build.plan(Build.desired([]), actual, options: options)
        let resource = try #require(plan.resource("acme/EVENTS"))
        #expect(resource.action == .delete)
        #expect(resource.blocked?.hasPrefix("prevent_delete is set") == true)
        #expect(plan.destructiveSteps.isEmpty)
    }

    @Test func protectedConsumerProtectsItsStream() throws {
        let consumers = [Build.actualConsumer("EVENTS", Build.consumer("keep"), preventDelete: true)]
        let plan = Build.plan(
            Build.desired([]), Build.actual([Build.actualStream(events, consumers: consumers)]), options: PlanOptions(prune: true))
        #expect(plan.resource("acme/EVENTS")?.blocked?.hasPrefix("prevent_delete is set") == true)
        #expect(plan.resource("acme/EVENTS/keep")?.blocked?.hasPrefix("prevent_delete is set") == true)
    }

    // MARK: prune / destroy

    @Test func removedManagedStreamNeedsPrune() throws {
        let actual = Build.actual([Build.actualStream(events, messages: 3, consumers: [Build.actualConsumer("EVENTS", Build.consumer("w"))])])
        let withoutPrune = Build.plan(Build.desired([]), actual)
        #expect(withoutPrune.resource("acme/EVENTS")?.action == .delete)
        #expect(withoutPrune.resource("acme/EVENTS")?.blocked == "removed from the profile: would delete with --prune")
        #expect(withoutPrune.resource("acme/EVENTS/w")?.blocked == "removed from the profile: would delete with --prune")
        #expect(withoutPrune.summary.delete == 0)
        #expect(withoutPrune.destructiveSteps.isEmpty)

        let pruned = Build.plan(Build.desired([]), actual, options: PlanOptions(prune: true))
        #expect(pruned.resource("acme/EVENTS")?.blocked == nil)
        #expect(pruned.resource("acme/EVENTS")?.dataLoss == DataLoss(messages: 3, consumers: 1))
        #expect(pruned.resource("acme/EVENTS/w")?.impliedBy?.description == "acme/EVENTS")
        #expect(pruned.summary.delete == 1)
    }

    @Test func removedManagedConsumerNeedsPrune() throws {
        let actual = Build.actual([Build.actualStream(events, consumers: [Build.actualConsumer("EVENTS", Build.consumer("gone"), pending: 4)])])
        let desired = Build.desired([DesiredStream(config: events)])
        #expect(Build.plan(desired, actual).resource("acme/EVENTS/gone")?.blocked == "removed from the profile: would delete with --prune")
        let pruned = Build.plan(desired, actual, options: PlanOptions(prune: true))
        #expect(pruned.resource("acme/EVENTS/gone")?.action == .delete)
        #expect(pruned.resource("acme/EVENTS/gone")?.isExecutable == true)
    }

    @Test func neverDeletesUnmanagedOrOtherProfilesResources() {
        let actual = Build.actual([
            Build.actualStream(Build.stream("THEIRS"), environment: nil),
            Build.actualStream(Build.stream("STAGING"), environment: "staging"),
            Build.actualStream(events, consumers: [Build.actualConsumer("EVENTS", Build.consumer("ephemeral"), environment: nil)]),
        ])
        for options in [PlanOptions(prune: true), PlanOptions(prune: true, destroy: true)] {
            let plan = Build.plan(Build.desired([]), actual, options: options)
            #expect(plan.resources.map(\.address.description) == ["acme/EVENTS"], "\(options)")
        }
    }

    @Test func destroyDeletesEveryManagedResourceEvenIfInProfile() {
        let consumer = Build.consumer("w")
        let desired = Build.desired([DesiredStream(config: events, consumers: [DesiredConsumer(config: consumer)])])
        let actual = Build.actual([Build.actualStream(events, messages: 8, consumers: [Build.actualConsumer("EVENTS", consumer)])])
        let plan = Build.plan(desired, actual, options: PlanOptions(destroy: true))
        #expect(plan.resources.map(\.action) == [.delete, .delete])
        #expect(plan.resources[1].impliedBy?.description == "acme/EVENTS")
        #expect(plan.summary.text == "0 to create, 0 to update, 0 to replace, 1 to delete.")
    }

    @Test func destroyKeepsStreamWhoseConsumerIsProtectedInProfile() throws {
        let keep = Build.consumer("keep")
        let drop = Build.consumer("drop")
        let desired = Build.desired([DesiredStream(config: events, consumers: [
            DesiredConsumer(config: keep, preventDelete: true), DesiredConsumer(config: drop),
        ])])
        let actual = Build.actual([Build.actualStream(events, consumers: [
            Build.actualConsumer("EVENTS", keep), Build.actualConsumer("EVENTS", drop),
        ])])
        let plan = Build.plan(desired, actual, options: PlanOptions(destroy: true))
        #expect(plan.resource("acme/EVENTS")?.blocked?.hasPrefix("prevent_delete is set") == true)
        #expect(plan.resource("acme/EVENTS/keep")?.blocked?.hasPrefix("prevent_delete is set") == true)
        #expect(plan.resource("acme/EVENTS/drop")?.isExecutable == true)
    }

    // MARK: ownership

    @Test func unmanagedConsumerOnManagedStreamIsLeftAlone() throws {
        let consumer = Build.consumer("w")
        var changed = consumer
        changed.maxDeliver = 3
        let desired = Build.desired([DesiredStream(config: events, consumers: [DesiredConsumer(config: changed)])])
        let actual = Build.actual([Build.actualStream(events, consumers: [Build.actualConsumer("EVENTS", consumer, environment: nil)])])
        #expect(Build.plan(desired, actual).resource("acme/EVENTS/w")?.action == .unmanaged)
        #expect(Build.plan(desired, actual, options: PlanOptions(adopt: true)).resource("acme/EVENTS/w")?.action == .update)
    }

    @Test(arguments: [nil, "staging"] as [String?])
    func sameNameNotOursIsLeftAlone(owner: String?) throws {
        var different = events
        different.maxMsgs = 1
        let desired = Build.desired([DesiredStream(config: different, consumers: [DesiredConsumer(config: Build.consumer("w"))])])
        let actual = Build.actual([Build.actualStream(events, environment: owner)])
        let plan = Build.plan(desired, actual)
        #expect(plan.resources.map(\.action) == [.unmanaged, .unmanaged])
        #expect(plan.resource("acme/EVENTS")?.reason?.contains("--adopt") == true)
        #expect(plan.summary.text == "0 to create, 0 to update, 0 to replace, 0 to delete. 2 not managed.")

        let adopted = Build.plan(desired, actual, options: PlanOptions(adopt: true))
        let stream = try #require(adopted.resource("acme/EVENTS"))
        #expect(stream.action == .update)
        #expect(Set(stream.changes.map(\.field)) == ["max_msgs", "metadata"])
        #expect(stream.reason?.hasPrefix("adopting") == true)
        #expect(adopted.resource("acme/EVENTS/w")?.action == .create)
    }

    @Test func oldServerOwnershipReadFromDescription() {
        let desired = Build.desired([DesiredStream(config: events)])
        let ours = Build.actual([Build.actualStream(events, capabilities: Build.old)])
        #expect(Build.plan(desired, ours, capabilities: Build.old).resource("acme/EVENTS")?.action == .noChange)
        // The real 2.9.10 server dropped the metadata the capture script sent: such a stream is not ours.
        let dropped = Build.actual([Build.actualStream(events, environment: nil, capabilities: Build.old)])
        #expect(Build.plan(desired, dropped, capabilities: Build.old).resource("acme/EVENTS")?.action == .unmanaged)
    }

    @Test(arguments: [
        (["description": "[hodei-provision:dev] x"] as [String: JSONValue], Ownership.managed(environment: "dev", preventDelete: false)),
        (["description": "[hodei-provision:prod:prevent-delete]"], .managed(environment: "prod", preventDelete: true)),
        (["metadata": ["hodei.managed-by": "hodei-provision", "hodei.profile": "dev", "hodei.prevent-delete": "true"] as JSONValue],
         .managed(environment: "dev", preventDelete: true)),
        (["metadata": ["hodei.managed-by": "someone-else"] as JSONValue], .unmanaged),
        (["description": "hodei-provision:dev"], .unmanaged),
        ([:], .unmanaged),
    ] as [([String: JSONValue], Ownership)])
    func readsOwnershipMarkers(fields: [String: JSONValue], expected: Ownership) {
        #expect(Ownership(fields: fields) == expected)
    }

    // MARK: version gating

    @Test(arguments: [
        ("compression", JSONValue.string("s2"), "2.10.0"), ("metadata", ["team": "ci"], "2.10.0"), ("first_seq", 100, "2.10.0"),
        ("allow_msg_ttl", true, "2.11.0"), ("subject_transform", ["src": "a", "dest": "b"], "2.10.0"),
    ] as [(String, JSONValue, String)])
    func fieldTooNewForServerIsAnError(field: String, value: JSONValue, since: String) throws {
        var config = events
        config[field] = value
        let plan = Build.plan(Build.desired([DesiredStream(config: config)]), Build.actual([]), capabilities: Build.old)
        let resource = try #require(plan.resource("acme/EVENTS"))
        #expect(resource.action == .error)
        #expect(resource.reason?.contains("\(field) needs nats-server \(since) or later; this server is 2.9.10") == true)
        #expect(plan.hasErrors)
    }

    @Test func consumerFieldTooNewIsAnErrorAndDefaultsAreNot() throws {
        let desired = Build.desired([DesiredStream(config: Build.stream("EVENTS", ["compression": "none"]), consumers: [
            DesiredConsumer(config: Build.consumer("w", ["filter_subjects": ["a", "b"]])),
            DesiredConsumer(config: Build.consumer("ok", ["priority_policy": "none"])),
        ])])
        let plan = Build.plan(desired, Build.actual([]), capabilities: Build.old)
        #expect(plan.resource("acme/EVENTS")?.action == .create)
        #expect(plan.resource("acme/EVENTS")?.streamConfig?.compression == nil)
        #expect(plan.resource("acme/EVENTS/w")?.reason?.hasPrefix("filter_subjects needs nats-server 2.10.0") == true)
        #expect(plan.resource("acme/EVENTS/ok")?.action == .create)
    }

    @Test func moreReplicasThanServersIsAnError() throws {
        let plan = Build.plan(Build.desired([DesiredStream(config: Build.stream("EVENTS", ["num_replicas": 3]))]), Build.actual([]))
        #expect(plan.resource("acme/EVENTS")?.reason?.hasPrefix("num_replicas 3 needs at least 3 JetStream servers") == true)
    }

    // MARK: drift noise

    @Test func serverAddedFieldsAreNotDrift() {
        var live = Build.actualStream(events)
        live.info.config["x_server_only"] = "whatever"
        live.info.config["placement"] = ["cluster": "c1"]
        live.info.config.metadata?["_nats.src.x"] = "1"
        live.info.config.subjects = live.info.config.subjects?.reversed()
        let plan = Build.plan(Build.desired([DesiredStream(config: events)]), Build.actual([live]))
        #expect(plan.resources.map(\.action) == [.noChange])
    }

    @Test func handChangedDefaultIsDrift() throws {
        var live = Build.actualStream(events)
        live.info.config.maxMsgs = 99
        let plan = Build.plan(Build.desired([DesiredStream(config: events)]), Build.actual([live]))
        let resource = try #require(plan.resource("acme/EVENTS"))
        #expect(resource.changes == [FieldChange(field: "max_msgs", old: 99, new: -1)])
    }

    // MARK: targets, tenants, order

    @Test(arguments: [
        ("acme", ["acme/A", "acme/A/c1", "acme/A/c2", "acme/B"]),
        ("acme/A", ["acme/A", "acme/A/c1", "acme/A/c2"]),
        ("acme/A/c2", ["acme/A", "acme/A/c2"]),  // the stream to create comes along
        ("acme/B", ["acme/B"]),
        ("other", []),
    ])
    func targetsFilterThePlan(target: String, expected: [String]) throws {
        let desired = Build.desired([
            DesiredStream(config: Build.stream("B")),
            DesiredStream(config: Build.stream("A"), consumers: [DesiredConsumer(config: Build.consumer("c2")), DesiredConsumer(config: Build.consumer("c1"))]),
        ])
        let plan = Build.plan(desired, Build.actual([]), options: PlanOptions(targets: [try #require(ResourceAddress(target))]))
        #expect(plan.resources.map(\.address.description) == expected)
    }

    @Test func consumerTargetDoesNotDragAnExistingStream() throws {
        let consumer = Build.consumer("c")
        var changed = events
        changed.maxMsgs = 5
        let plan = Build.plan(
            Build.desired([DesiredStream(config: changed, consumers: [DesiredConsumer(config: consumer)])]),
            Build.actual([Build.actualStream(events)]),
            options: PlanOptions(targets: [try #require(ResourceAddress("acme/EVENTS/c"))]))
        #expect(plan.resources.map(\.address.description) == ["acme/EVENTS/c"])
    }

    @Test func unreadableTenantIsAnErrorAndOthersContinue() {
        let desired = DesiredState(environment: "dev", tenants: [
            DesiredTenant(name: "zeta", streams: [DesiredStream(config: events)]),
            DesiredTenant(name: "acme", streams: [DesiredStream(config: events)]),
        ])
        let actual = ActualState(tenants: ["acme": .unreadable("authorization violation"), "zeta": .streams([])])
        let plan = Build.plan(desired, actual)
        #expect(plan.resources.map(\.address.description) == ["acme", "zeta/EVENTS"])
        #expect(plan.resources.map(\.action) == [.error, .create])
        #expect(plan.resources[0].reason == "could not read the tenant's streams: authorization violation")
    }

    @Test func planIsDeterministic() {
        let streams = (0..<50).map { DesiredStream(config: Build.stream("S\($0)"), consumers: [DesiredConsumer(config: Build.consumer("c\($0)"))]) }
        let first = Build.plan(Build.desired(streams), Build.actual([]))
        let second = Build.plan(Build.desired(streams.reversed()), Build.actual([]))
        #expect(first == second)
        #expect(first.resources.map(\.address) == first.resources.map(\.address).sorted())
    }

    @Test(arguments: ["a//b", "", "a/b/c/d", "/x"])
    func rejectsMalformedAddresses(text: String) {
        #expect(ResourceAddress(text) == nil)
    }
}
