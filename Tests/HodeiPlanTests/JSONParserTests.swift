import Foundation
import Testing

@testable import HodeiPlan

/// The one-pass parser must give exactly what `JSONDecoder` gave for `JSONValue` (the reference), and
/// the models built from it exactly what their `Decodable` conformances give.
struct JSONParserTests {
    static func foundation(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    @Test func matchesFoundationOnEveryCapturedFixture() throws {
        var files = 0
        for server in JetStreamModelTests.servers {
            let directory = Fixtures.directory.appendingPathComponent(server)
            for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".json") {
                let data = try Fixtures.data("\(server)/\(file)")
                #expect(try JSONParser.parse(Array(data)) == JSONDecoder().decode(JSONValue.self, from: data), "\(server)/\(file)")
                files += 1
            }
        }
        #expect(files > 20)
    }

    @Test(arguments: [
        #"{}"#, #"[]"#, #" { "a" : [ 1 , -2 , 0 , -0 ] } "#, #"null"#, #"true"#, #"false"#,
        #"9223372036854775807"#, #"-9223372036854775808"#, #"9223372036854775808"#, #"18446744073709551615"#,
        #"1.5"#, #"-0.25"#, #"1e3"#, #"1.0"#, #"2E-2"#, #"1e30"#,
        #""plain""#, #""tab\tquote\"slash\/back\\nl\n""#, #""\u00e9\u4e2d\ud83d\ude00""#, #""é中😀""#, #""""#,
        #"{"a":{"b":{"c":[{"d":null}]}},"e":"x"}"#, #"{"dup":1,"dup":2}"#,
    ])
    func matchesFoundation(text: String) throws {
        #expect(try JSONParser.parse(Array(text.utf8)) == Self.foundation(text))
    }

    @Test(arguments: [
        "", " ", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "01", "-", "1.", "1e", "+1", "\"abc", "\"\\x\"",
        "\"\\ud800\"", "\"\\udc00\"", "\"a\u{01}b\"", "tru", "nul", "[1] 2", "{'a':1}", "NaN",
    ])
    func rejectsInvalid(text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(text.utf8)) }
    }

    /// String escapes are decoded by JSONBytes (shared with HodeiBus) and worded here as they always were.
    @Test(arguments: [
        (#""\udc00""#, "invalid JSON at byte 7: unpaired surrogate"),
        (#""\ud800""#, "invalid JSON at byte 7: unpaired surrogate"),
        (#""\ud800\u0041""#, "invalid JSON at byte 13: unpaired surrogate"),
        (#""\u12""#, "invalid JSON at byte 3: unexpected end of input"),
        (#""\u12G4""#, #"invalid JSON at byte 5: invalid \u escape"#),
        (#""\x""#, "invalid JSON at byte 3: invalid escape"),
        (#""a\"#, "invalid JSON at byte 3: unterminated string"),
        ("\"a\\n\u{01}\"", "invalid JSON at byte 4: control character in a string"),
    ])
    func namesTheBadEscape(text: String, message: String) {
        #expect {
            try JSONParser.parse(Array(text.utf8))
        } throws: { error in
            (error as? JSONParser.Failure)?.description == message
        }
    }

    @Test func typedModelsMatchTheirDecodableConformance() throws {
        for server in JetStreamModelTests.servers {
            func same<T: JSONValueDecodable & Equatable>(_ type: T.Type, _ file: String) throws {
                let data = try Fixtures.data("\(server)/\(file)")
                let fast = try T(json: JSONParser.parse(Array(data)))
                #expect(fast == (try JSONDecoder().decode(T.self, from: data)), "\(server)/\(file)")
                guard case .success(let viaResponse) = try APIResponse<T>.decode(bytes: Array(data)) else {
                    Issue.record("\(server)/\(file) decoded as an API error")
                    return
                }
                #expect(viaResponse == fast)
            }
            try same(StreamInfo.self, "stream-info.json")
            try same(StreamInfo.self, "stream-create-full.json")
            try same(StreamListPage.self, "stream-list.json")
            try same(ConsumerInfo.self, "consumer-info.json")
            try same(ConsumerInfo.self, "consumer-create-pull-full.json")
            try same(ConsumerListPage.self, "consumer-list.json")
        }
    }

    @Test func apiErrorsComeThroughTheFastPath() throws {
        let data = try Fixtures.data("server-2.15.1/error-stream-not-found.json")
        let response = try APIResponse<StreamInfo>.decode(bytes: Array(data))
        guard case .failure(let error) = response else {
            Issue.record("expected an API error")
            return
        }
        #expect(error.errCode == APIError.streamNotFound)
        struct Envelope: Decodable { var error: APIError }
        #expect(error == (try JSONDecoder().decode(Envelope.self, from: data)).error)
        // `"error": null` is not an error (as with the Decodable envelope).
        let ok = try APIResponse<ConsumerListPage>.decode(bytes: Array(#"{"error":null,"total":0,"consumers":null}"#.utf8))
        #expect(ok == .success(ConsumerListPage()))
    }

    @Test func canonicalTextIsCompactSortedAndEscaped() throws {
        let value: JSONValue = [
            "b": .string("x\"\\\n\r\t\u{01}\u{1f}é中😀/"), "a": [1, 2.5, true, nil, -9_223_372_036_854_775_808], "": [:],
        ]
        let expected = #"{"":{},"a":[1,2.5,true,null,-9223372036854775808],"b":"x\"\\\n\r\t\u0001\u001fé中😀/"}"#
        #expect(value.canonicalText == expected)
        #expect(value.canonicalUTF8 == Array(expected.utf8))
        // It parses back to the same value.
        #expect(try JSONParser.parse(value.canonicalUTF8) == value)
        #expect(!JSONValue.array([.double(.infinity)]).isFiniteJSON)
        #expect(value.isFiniteJSON)
    }

    @Test func shapeErrorsAreThrownLikeDecodable() throws {
        // ConsumerInfo needs stream_name, name and config; a count must be a number.
        for text in [
            #"{"name":"c","config":{}}"#, #"{"stream_name":"S","name":"c"}"#,
            #"{"stream_name":"S","name":"c","config":[]}"#, #"{"stream_name":"S","name":"c","config":{},"num_pending":"1"}"#,
            #"{"stream_name":"S","name":"c","config":{},"delivered":{"consumer_seq":1}}"#,
        ] {
            #expect(throws: (any Error).self) { try JSONDecoder().decode(ConsumerInfo.self, from: Data(text.utf8)) }
            #expect(throws: JSONShapeError.self) { try ConsumerInfo(json: JSONParser.parse(Array(text.utf8))) }
        }
        #expect(throws: JSONShapeError.self) { try StreamInfo(json: JSONParser.parse(Array(#"{"config":{"name":"A"}}"#.utf8))) }
    }
}

extension APIResponse: Equatable where Value: Equatable {
    public static func == (lhs: APIResponse, rhs: APIResponse) -> Bool {
        switch (lhs, rhs) {
        case (.success(let a), .success(let b)): return a == b
        case (.failure(let a), .failure(let b)): return a == b
        default: return false
        }
    }
}
