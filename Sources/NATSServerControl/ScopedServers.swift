/// Starts a server, runs `body`, then always stops it and removes its directory, also when
/// `body` throws.
public func withNATSServer<T>(
    _ configuration: NATSServerConfiguration = NATSServerConfiguration(),
    _ body: (NATSServer) async throws -> T
) async throws -> T {
    let server = try await NATSServer.start(configuration)
    do {
        let result = try await body(server)
        await server.shutdown()
        return result
    } catch {
        await server.shutdown()
        throw error
    }
}

/// Starts a cluster, runs `body`, then always stops every node and removes their directories.
public func withNATSCluster<T>(
    size: Int = 3, binary: NATSServerBinary? = nil, extraConfig: String = "",
    _ body: (NATSCluster) async throws -> T
) async throws -> T {
    let cluster = try await NATSCluster.start(size: size, binary: binary, extraConfig: extraConfig)
    do {
        let result = try await body(cluster)
        await cluster.shutdown()
        return result
    } catch {
        await cluster.shutdown()
        throw error
    }
}
