import NATSServerControl

/// One local server of an environment: where it listens and its files under the state directory.
public struct LocalNode: Sendable, Equatable {
    public let node: ServerNode
    public let server: DetachedServer
    /// The URL clients use (`nats://` or `tls://127.0.0.1:<port>`).
    public let url: String

    public init(node: ServerNode, stateDirectory: String, tls: Bool) {
        self.node = node
        server = DetachedServer(directory: "\(stateDirectory)/\(node.name)")
        url = node.clientURL(tls: tls)
    }

    public var name: String { node.name }
    public var directory: String { (server.configFile as NSString).deletingLastPathComponent }
}

import Foundation
