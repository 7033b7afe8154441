import Foundation
import HodeiProfile

/// Where `up` keeps an environment: `.hodei/<environment>/` at the root of the repository that
/// holds the profile (the nearest directory upwards with `Package.swift` or `.git`), else beside
/// the profile's directory. Layout:
///
/// ```
/// .hodei/<env>/
///   <node>/nats-server.conf|.pid|.log   one directory per server (rendered config, pid, log)
///   <node>/jetstream/                   the JetStream store (kept by `down`, removed by --purge)
///   clients/<tenant>/<user>.env|.context.json
///   secrets/                            dev default of auth.secrets_dir (kept unless --purge-secrets)
/// ```
public enum LocalStateDirectory {
    public static func resolve(for profile: Profile, explicit: String? = nil) -> String {
        if let explicit { return URL(fileURLWithPath: explicit).standardizedFileURL.path }
        let profileDirectory = URL(fileURLWithPath: profile.sourceFile).standardizedFileURL.deletingLastPathComponent()
        return repositoryRoot(from: profileDirectory).appendingPathComponent(".hodei/\(profile.environment)").path
    }

    static func repositoryRoot(from start: URL) -> URL {
        var directory = start
        while directory.path != "/" {
            for marker in ["Package.swift", ".git"]
            where FileManager.default.fileExists(atPath: directory.appendingPathComponent(marker).path) {
                return directory
            }
            directory = directory.deletingLastPathComponent()
        }
        return start
    }
}
