import Foundation

/// Paths written into configs, env files and contexts are absolute: nats-server and clients
/// resolve relative paths against their own working directory, not the profile's.
enum AbsolutePath {
    static func of(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
