import Foundation
import NATSClient
import NATSServerControl

/// Connect options for a test server: short timeouts, bounded reconnects.
func testOptions(_ urls: [String], auth: NATSAuth = .none, tls: NATSTLSOptions? = nil) -> NATSConnectOptions {
    NATSConnectOptions(servers: urls, name: "natsclient-tests", connectTimeout: .seconds(2), maxReconnect: 120,
                       reconnectWait: .milliseconds(100), auth: auth, tls: tls)
}

func connect(_ server: NATSServer, auth: NATSAuth = .none) async throws -> NATSConnection {
    try await NATSConnection.connect(testOptions([server.url], auth: auth))
}

/// Creates a file-storage stream via the JetStream API.
func createStream(_ js: JetStreamContext, name: String, subjects: [String], extra: String = "") async throws {
    let list = subjects.map { "\"\($0)\"" }.joined(separator: ",")
    let body = "{\"name\":\"\(name)\",\"subjects\":[\(list)],\"storage\":\"file\"\(extra)}"
    _ = try await js.apiRequest("STREAM.CREATE.\(name)", body: Array(body.utf8))
}

/// Stored message count of a stream, from STREAM.INFO.
func streamMessageCount(_ js: JetStreamContext, _ name: String) async throws -> Int {
    let data = try await js.apiRequest("STREAM.INFO.\(name)")
    struct Info: Decodable {
        struct State: Decodable { var messages: Int }
        var state: State
    }
    return try JSONDecoder().decode(Info.self, from: Data(data)).state.messages
}
