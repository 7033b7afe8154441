import Foundation
@testable import HodeiBus
import Testing

struct UTCTimestampTests {
    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00.000000Z"),
        (1_795_000_000.123456, "2026-11-18T11:06:40.123456Z"),
        (951_782_400.5, "2000-02-29T00:00:00.500000Z"),
        (-1.25, "1969-12-31T23:59:58.750000Z"),
        (4_102_444_799.999999, "2099-12-31T23:59:59.999999Z"),
    ])
    func formats(_ seconds: Double, _ text: String) throws {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(UTCTimestamp.format(date) == text)
        let parsed = try #require(UTCTimestamp.parse(text))
        #expect(UTCTimestamp.format(parsed) == text)
    }

    @Test(arguments: [
        ("2026-11-18T07:06:40Z", "2026-11-18T07:06:40.000000Z"),
        ("2026-11-18T07:06:40.1Z", "2026-11-18T07:06:40.100000Z"),
        ("2026-11-18T07:06:40.123456789Z", "2026-11-18T07:06:40.123456Z"),
    ])
    func parsesOtherPrecisions(_ input: String, _ normalized: String) throws {
        #expect(UTCTimestamp.format(try #require(UTCTimestamp.parse(input))) == normalized)
    }

    @Test(arguments: ["", "2026-11-18", "2026-11-18T07:06:40", "2026-13-18T07:06:40Z", "2026-11-18T25:06:40Z",
                      "2026-11-18T07:06:40.Z", "2026-11-18T07:06:40.1234567890Z", "2026-11-18t07:06:40Z",
                      "2026-11-18T07:06:40+00:00", "20x6-11-18T07:06:40Z"])
    func rejects(_ input: String) {
        #expect(UTCTimestamp.parse(input) == nil)
    }

    @Test func eventTimesAreNormalisedSoRoundTripIsExact() throws {
        for _ in 0..<1000 {
            let now = Date(timeIntervalSinceReferenceDate: Double.random(in: 0..<3_000_000_000))
            let event = SystemEvent(tenant: "t", occurredAt: now, .pipelineStarted(PipelineStarted(pipelineId: "p")))
            let codec = SystemEventCodec()
            #expect(try codec.decode(try codec.encode(event)).occurredAt == event.occurredAt)
            #expect(abs(event.occurredAt.timeIntervalSince(now)) <= 0.000_001) // half a microsecond + Date's own precision
        }
    }
}
