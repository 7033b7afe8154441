import HodeiBus
import NATSServerControl
import Testing

struct EventBusFactoryTests {
    @Test func inMemoryBusFromConfigWorksEndToEnd() async throws {
        let config = EventBusConfig(backend: .inMemory, capacity: 5, subjectPrefix: "acme.events")
        let bus: any EventBus = try await EventBusFactory.create(config)
        let subscription = try await bus.subscribe(filter: "acme.events.job.*")
        let receipt = try await bus.publish(numbered(1))
        #expect(receipt.subject == "acme.events.job.started")
        #expect(try await subscription.take(1).map(\.number) == [1])
        #expect((bus as? InMemoryBus)?.capacity == 5)
        await bus.close()
    }

    @Test func subscriberFromConfig() async throws {
        let subscriber: any EventSubscriber = try await EventBusFactory.createSubscriber(EventBusConfig())
        let subscription = try await subscriber.subscribe(group: "g")
        await subscriber.close()
        #expect(try await subscription.drain().isEmpty)
    }

    @Test func natsWithoutAServerIsUnavailableAndNamesTheURL() async throws {
        let url = "nats://127.0.0.1:\(try FreePort.next())"
        let config = EventBusConfig(backend: .nats, nats: NatsSettings(servers: [url], timeout: .milliseconds(500)))
        await #expect {
            try await EventBusFactory.create(config)
        } throws: { error in
            guard let error = error as? EventBusError else { return false }
            return error.code == .backendUnavailable && error.description.contains(url)
        }
    }

    @Test(arguments: [0, -1, 10_000_001])
    func invalidCapacityInCodeIsAnErrorNotACrash(_ capacity: Int) async {
        await #expect {
            try await EventBusFactory.create(EventBusConfig(capacity: capacity))
        } throws: { ($0 as? EventBusError)?.code == .invalidConfiguration }
    }

    @Test func invalidPrefixInCodeIsAnError() async {
        await #expect {
            try await EventBusFactory.create(EventBusConfig(subjectPrefix: "hodei.>"))
        } throws: { ($0 as? EventBusError)?.code == .invalidSubject }
    }
}
