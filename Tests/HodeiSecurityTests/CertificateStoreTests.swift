import Foundation
import HodeiTestSupport
import Testing

@testable import HodeiSecurity

struct CertificateStoreTests {
    static let day: TimeInterval = 86_400

    @Test func caIsCreatedOnceAndReused() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let store = try SecretStore(directory: temp.url)
        let first = try store.loadOrCreateCA(commonName: "Hodei CA", validity: 365 * Self.day)
        #expect(first.created)
        #expect(try temp.mode(of: store.path(for: "ca.key")) == 0o600)
        let second = try store.loadOrCreateCA(commonName: "Hodei CA", validity: 365 * Self.day)
        #expect(!second.created)
        #expect(second.authority.issued.certificate == first.authority.issued.certificate)
    }

    @Test func serverCertificateIsKeptThenRenewedInsideTheWindow() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let store = try SecretStore(directory: temp.url)
        let now = Date()
        let ca = try store.loadOrCreateCA(commonName: "CA", validity: 365 * Self.day, now: now).authority
        func ensure(at date: Date, names: [String] = ["localhost"]) throws -> (IssuedCertificate, CertificateOutcome) {
            let result = try store.ensureServerCertificate(
                name: "nats-1", authority: ca, commonName: "nats-1", dnsNames: names, ipAddresses: ["127.0.0.1"],
                validity: 90 * Self.day, renewWithin: 30 * Self.day, now: date)
            return (result.certificate, result.outcome)
        }
        let (first, created) = try ensure(at: now)
        #expect(created == .issued(reason: "no certificate yet"))
        let (kept, keptOutcome) = try ensure(at: now.addingTimeInterval(10 * Self.day))
        #expect(keptOutcome == .kept)
        #expect(kept.certificate == first.certificate)
        let (renewed, renewedOutcome) = try ensure(at: now.addingTimeInterval(70 * Self.day))
        #expect(renewedOutcome != .kept)
        #expect(renewed.certificate != first.certificate)
        let (_, widened) = try ensure(at: now.addingTimeInterval(71 * Self.day), names: ["localhost", "nats-1"])
        #expect(widened != .kept)
    }

    @Test func aCertificateWithoutItsKeyIsAnError() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let store = try SecretStore(directory: temp.url)
        let ca = try store.loadOrCreateCA(commonName: "CA", validity: Self.day).authority
        _ = try store.ensureClientCertificate(
            name: "client", authority: ca, commonName: "c", validity: Self.day, renewWithin: 0)
        try FileManager.default.removeItem(atPath: store.path(for: "client.key"))
        #expect(throws: SecretStoreError.self) { try store.loadCertificate(name: "client") }
    }
}
