import HodeiProfile
import Testing

struct QuantityTests {
    @Test(arguments: [
        ("500ms", Int64(500_000_000)), ("30s", 30_000_000_000), ("2m", 120_000_000_000),
        ("1h30m", 5_400_000_000_000), ("7d", 604_800_000_000_000), ("0", 0), ("250us", 250_000), ("1d12h", 129_600_000_000_000),
    ])
    func parsesDurations(_ text: String, _ nanos: Int64) {
        #expect(Quantities.parseDuration(text) == nanos)
    }

    @Test(arguments: ["", "5", "1.5s", "s", "10y", "5 s", "-1s", "99999999999d", "1h-30m"])
    func rejectsMalformedDurations(_ text: String) {
        #expect(Quantities.parseDuration(text) == nil)
    }

    @Test(arguments: [
        ("512MiB", Int64(536_870_912)), ("10GiB", 10_737_418_240), ("1GB", 1_000_000_000), ("1048576", 1_048_576),
        ("4KiB", 4096), ("2TB", 2_000_000_000_000),
    ])
    func parsesSizes(_ text: String, _ bytes: Int64) {
        #expect(Quantities.parseSize(text) == bytes)
    }

    @Test(arguments: ["", "GiB", "1.5GiB", "10GB5", "-1", "5 parsecs", "99999999999999TiB"])
    func rejectsMalformedSizes(_ text: String) {
        #expect(Quantities.parseSize(text) == nil)
    }

    @Test func formatsCanonically() {
        #expect(Quantities.formatDuration(5_400_000_000_000) == "1h30m")
        #expect(Quantities.formatDuration(604_800_000_000_000) == "7d")
        #expect(Quantities.formatSize(536_870_912) == "512MiB")
        #expect(Quantities.formatSize(1_000_000_000) == "1GB")
        #expect(Quantities.formatSize(-1) == "unlimited")
        #expect(Quantities.formatSize(1234) == "1234")
    }

    @Test func versionsCompare() throws {
        let v2_10 = try #require(ServerVersion("2.10"))
        #expect(try #require(ServerVersion("2.9.10")) < v2_10)
        #expect(ServerVersion("v2.11.0-beta") == ServerVersion(2, 11))
        #expect(ServerVersion("two") == nil)
        #expect(FeatureCatalogue.requiredVersion(.stream, keys: ["compression", "allow_msg_ttl", "subjects"]) == ServerVersion(2, 11))
        #expect(FeatureCatalogue.feature(.consumer, key: "filters")?.wireField == "filter_subjects")
    }
}
