import Foundation
import HodeiBus
import Testing

/// Golden wire format per event kind. Re-record with `HODEI_RECORD_GOLDEN=1 swift test --filter SystemEventGoldenTests`.
struct SystemEventGoldenTests {
    let codec = SystemEventCodec()

    static var recording: Bool { ProcessInfo.processInfo.environment["HODEI_RECORD_GOLDEN"] == "1" }

    static func sourceFixture(_ kind: EventKind, file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/events/\(kind.rawValue).json")
    }

    @Test func everyKindHasASample() {
        #expect(Set(EventSamples.all.map(\.kind)) == Set(EventKind.allCases))
    }

    @Test(arguments: EventSamples.all)
    func encodingMatchesGolden(_ event: SystemEvent) throws {
        let encoded = try codec.encode(event)
        if Self.recording {
            try (encoded + Data("\n".utf8)).write(to: Self.sourceFixture(event.kind))
            return
        }
        let url = try #require(Bundle.module.url(forResource: "Fixtures/events/\(event.kind.rawValue)", withExtension: "json"),
                               "missing fixture; record with HODEI_RECORD_GOLDEN=1")
        let golden = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let actual = String(decoding: encoded, as: UTF8.self)
        #expect(actual == golden, "wire format changed for \(event.kind.rawValue):\n\(Self.diff(golden, actual))")
    }

    @Test(arguments: EventSamples.all)
    func goldenDecodesToTheSample(_ event: SystemEvent) throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/events/\(event.kind.rawValue)", withExtension: "json"))
        let decoded = try codec.decode(try Data(contentsOf: url))
        #expect(decoded == event)
    }

    @Test(arguments: EventSamples.all)
    func roundTrip(_ event: SystemEvent) throws {
        let decoded = try codec.decode(try codec.encode(event))
        #expect(decoded == event)
        #expect(decoded.kind == event.kind)
    }

    @Test(arguments: EventSamples.all)
    func headerFieldsAreSnakeCaseWithTypeDiscriminator(_ event: SystemEvent) throws {
        let object = try #require(try JSONSerialization.jsonObject(with: try codec.encode(event)) as? [String: Any])
        #expect(object["type"] as? String == event.kind.rawValue)
        #expect(object["event_id"] as? String == event.id.uuidString.lowercased())
        #expect(object["tenant"] as? String == "acme")
        #expect(object["occurred_at"] as? String == "2026-11-18T11:06:40.123456Z")
        for key in object.keys {
            #expect(key == key.lowercased() && !key.contains("-"), "key \(key) is not snake_case")
        }
    }

    @Test func logBytesAreBase64() throws {
        let event = EventSamples.all[8]
        let object = try #require(try JSONSerialization.jsonObject(with: try codec.encode(event)) as? [String: Any])
        guard case .logChunkReceived(let chunk) = event.payload else { Issue.record("sample 9 is not a log chunk"); return }
        #expect(object["data"] as? String == chunk.data.base64EncodedString())
        #expect(object["stream"] as? String == "stderr")
    }

    @Test func optionalFieldsAreOmittedWhenNil() throws {
        let event = SystemEvent(tenant: "acme", .jobFailed(JobFailed(jobId: "j", reason: "image not found")))
        let object = try #require(try JSONSerialization.jsonObject(with: try codec.encode(event)) as? [String: Any])
        #expect(object["exit_code"] == nil)
        #expect(object["worker_id"] == nil)
        #expect(object["retryable"] as? Bool == false)
        #expect(try codec.decode(try codec.encode(event)) == event)
    }

    @Test func escapedStringsDecode() throws {
        let json = #"{"type":"pipeline.started","event_id":"5A0C6F1E-0000-4000-8000-000000000011","tenant":"\u00e9\ud83d\ude80\n\"\/","occurred_at":"2026-11-18T07:06:40Z","pipeline_id":"p"}"#
        let event = try codec.decode(Data(json.utf8))
        #expect(event.tenant == "é🚀\n\"/")
        #expect(event.id.uuidString == "5A0C6F1E-0000-4000-8000-000000000011")
    }

    @Test func unknownFieldsAreIgnored() throws {
        let json = #"{"type":"pipeline.started","event_id":"5a0c6f1e-0000-4000-8000-000000000011","tenant":"acme","occurred_at":"2026-11-18T07:06:40.5Z","pipeline_id":"pl-7","added_later":{"x":1}}"#
        let event = try codec.decode(Data(json.utf8))
        #expect(event.payload == .pipelineStarted(PipelineStarted(pipelineId: "pl-7")))
    }

    struct BadMessage: Sendable, CustomTestStringConvertible {
        let json: String
        let mentions: String
        var testDescription: String { mentions }
    }

    @Test(arguments: [
        BadMessage(json: #"{"type":"job.exploded","event_id":"5a0c6f1e-0000-4000-8000-000000000001","tenant":"a","occurred_at":"2026-01-01T00:00:00Z"}"#, mentions: "unknown event type 'job.exploded'"),
        BadMessage(json: #"{"type":"job.started","event_id":"5a0c6f1e-0000-4000-8000-000000000001","tenant":"a","occurred_at":"2026-01-01T00:00:00Z","worker_id":"w","attempt":1}"#, mentions: "missing field 'job_id'"),
        BadMessage(json: #"{"type":"job.started","event_id":"not-a-uuid","tenant":"a","occurred_at":"2026-01-01T00:00:00Z"}"#, mentions: "'not-a-uuid' is not a UUID"),
        BadMessage(json: #"{"type":"job.started","event_id":"5a0c6f1e-0000-4000-8000-000000000001","tenant":"a","occurred_at":"2026-01-01 00:00:00"}"#, mentions: "is not an ISO-8601 UTC timestamp"),
        BadMessage(json: #"{"type":"job.started","event_id":"5a0c6f1e-0000-4000-8000-000000000001","tenant":"a","occurred_at":"2026-01-01T00:00:00+02:00"}"#, mentions: "is not an ISO-8601 UTC timestamp"),
        BadMessage(json: "not json", mentions: "not a valid SystemEvent"),
        BadMessage(json: #"{"type":"job.started","event_id":"5a0c6f1e-0000-4000-8000-000000000001","tenant":"a","occurred_at":"2026-01-01T00:00:00Z","job_id":"j","worker_id":"w","attempt":"1"}"#, mentions: "field 'attempt' must be an integer"),
        BadMessage(json: #"{"type":"log.chunk","event_id":"5a0c6f1e-0000-4000-8000-000000000001","tenant":"a","occurred_at":"2026-01-01T00:00:00Z","job_id":"j","stream":"stdin","sequence":0,"data":""}"#, mentions: "field 'stream' must be"),
        BadMessage(json: #"{"type":"job.started","tenant":"a\x"}"#, mentions: "invalid escape"),
        // \u escapes: decoded by JSONBytes, worded by this parser.
        BadMessage(json: #"{"type":"job.started","tenant":"a\ud800"}"#, mentions: "byte 39: unpaired surrogate"),
        BadMessage(json: #"{"type":"job.started","tenant":"a\udc00"}"#, mentions: #"byte 39: invalid \u escape"#),
        BadMessage(json: #"{"type":"job.started","tenant":"a\u00G9"}"#, mentions: #"byte 37: invalid hex digit in \u escape"#),
        BadMessage(json: #"{"type":"job.started","tenant":"a\u00"#, mentions: #"byte 35: short \u escape"#),
        BadMessage(json: #"{"type":"job.started"} trailing"#, mentions: "unexpected data after the value"),
    ])
    func invalidMessagesGiveADecodingError(_ bad: BadMessage) {
        #expect {
            _ = try codec.decode(Data(bad.json.utf8), subject: "hodei.events.job.started")
        } throws: { error in
            guard let error = error as? EventBusError else { return false }
            return error.code == .decodingFailed && error.description.contains(bad.mentions)
                && error.description.contains("hodei.events.job.started")
        }
    }
}

extension SystemEventGoldenTests {
    /// Points at the first differing character so a failing golden is readable.
    static func diff(_ expected: String, _ actual: String) -> String {
        let e = Array(expected), a = Array(actual)
        let i = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
        let from = max(0, i - 30)
        return "  golden: …\(String(e[from..<min(e.count, i + 40)]))\n  actual: …\(String(a[from..<min(a.count, i + 40)]))"
    }
}

extension SystemEvent: CustomTestStringConvertible {
    public var testDescription: String { kind.rawValue }
}

/// The hand-written encoder and the `Encodable` conformance must agree byte for byte.
struct SystemEventEncoderAgreementTests {
    static var tricky: [SystemEvent] {
        EventSamples.all + [
            SystemEvent(tenant: "t\"q\\u\u{01}\n\t/ü", .workerConnected(WorkerConnected(
                workerId: "w", hostname: "h", labels: ["b": "2", "a": "1", "é": "x\u{1f}"]))),
            SystemEvent(tenant: "t", .workerHeartbeat(WorkerHeartbeat(workerId: "w", runningJobs: -3, load: 2))),
            SystemEvent(tenant: "t", .workerHeartbeat(WorkerHeartbeat(workerId: "w", runningJobs: 0, load: 0.000_01,
                                                                     memoryUsedBytes: .max))),
            SystemEvent(tenant: "t", .jobFailed(JobFailed(jobId: "j", exitCode: .min, reason: "", durationMs: .max))),
        ]
    }

    @Test(arguments: tricky)
    func handWrittenMatchesJSONEncoder(_ event: SystemEvent) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let viaCodable = String(decoding: try encoder.encode(event), as: UTF8.self)
        let viaWriter = String(decoding: try SystemEventCodec().encode(event), as: UTF8.self)
        #expect(viaWriter == viaCodable)
        #expect(try SystemEventCodec().decode(Data(viaWriter.utf8)) == event)
        #expect(try JSONDecoder().decode(SystemEvent.self, from: Data(viaWriter.utf8)) == event)
    }
}
