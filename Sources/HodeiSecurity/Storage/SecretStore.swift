import Foundation

#if canImport(Glibc)
    import Glibc
    private let posixWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin
    private let posixWrite = Darwin.write
#endif

/// Secret files (seeds, creds, private keys) under one directory: directory 0700, files 0600
/// written atomically, a `.gitignore` of `*` beside them. Existing secrets are read back and
/// reused; a secret that cannot be read is an error, never a reason to make a new one.
///
/// Modes: a directory with looser bits (e.g. created under umask 022) is tightened to 0700,
/// since it only becomes private; an existing secret *file* readable by group or others is
/// refused (like ssh does with keys), because it may already have leaked.
public struct SecretStore: Sendable {
    public let directory: URL

    /// Creates `directory` (and parents) if needed, with mode 0700, and the `.gitignore`.
    public init(directory: URL) throws(SecretStoreError) {
        self.directory = directory.standardizedFileURL
        let path = self.directory.path
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw SecretStoreError(path: path, .notADirectory) }
        } else {
            do {
                try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
            } catch {
                throw SecretStoreError(path: path, .cannotCreateDirectory(error.localizedDescription))
            }
        }
        guard chmod(path, 0o700) == 0 else { throw SecretStoreError(path: path, .system(operation: "chmod 700", errno: errno)) }
        let gitignore = self.directory.appendingPathComponent(".gitignore").path
        if access(gitignore, F_OK) != 0 {
            try Self.atomicWrite(Array("# secrets written by hodei-provision: never commit\n*\n".utf8), to: gitignore, mode: 0o644)
        }
    }

    /// The path of secret `name` (a plain file name such as `acme-worker.creds`).
    public func path(for name: String) throws(SecretStoreError) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_")
        guard !name.isEmpty, !name.hasPrefix("."), name.unicodeScalars.allSatisfy(allowed.contains) else {
            throw SecretStoreError(path: directory.appendingPathComponent(name).path, .invalidName)
        }
        return directory.appendingPathComponent(name).path
    }

    /// Writes (replaces) a secret atomically with mode 0600.
    public func write(_ secret: SecretString, name: String) throws(SecretStoreError) {
        try Self.atomicWrite(Array(secret.exposedText.utf8), to: try path(for: name), mode: 0o600)
    }

    /// Reads a secret, `nil` when absent. Refuses a file readable by group or others.
    public func read(name: String) throws(SecretStoreError) -> SecretString? {
        let path = try path(for: name)
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw SecretStoreError(path: path, .system(operation: "stat", errno: errno))
        }
        let mode = UInt16(info.st_mode & 0o777)
        guard mode & 0o077 == 0 else { throw SecretStoreError(path: path, .insecureFileMode(mode)) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SecretStoreError(path: path, .system(operation: "read", errno: errno))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SecretStoreError(path: path, .unreadable("not UTF-8 text"))
        }
        return SecretString(text)
    }

    /// The nkey stored as `<name>.nk`, created (and written) only if the file does not exist.
    /// `created` tells the caller whether JWTs depending on this key must be (re)issued.
    public func loadOrCreateNKey(name: String, type: NKeyType) throws(SecretStoreError) -> (key: NKeyPair, created: Bool) {
        let fileName = name + ".nk"
        let path = try path(for: fileName)
        if let text = try read(name: fileName) {
            let seed = SecretString(text.exposedText.trimmingCharacters(in: .whitespacesAndNewlines))
            let key: NKeyPair
            do {
                key = try NKeyPair(seed: seed)
            } catch {
                throw SecretStoreError(path: path, .unreadable(error.description))
            }
            guard key.type == type else { throw SecretStoreError(path: path, .wrongKeyType(expected: type, actual: key.type)) }
            return (key, false)
        }
        let key = NKeyPair.generate(type)
        try write(SecretString(key.seed.exposedText + "\n"), name: fileName)
        return (key, true)
    }

    /// Writes a creds file as `<name>.creds` (0600) and returns its path.
    @discardableResult
    public func writeCreds(_ creds: CredsFile, name: String) throws(SecretStoreError) -> String {
        try write(creds.render(), name: name + ".creds")
        return try path(for: name + ".creds")
    }

    /// Temp file in the same directory (so rename is atomic), created 0600 with O_EXCL, mode set
    /// explicitly with fchmod (independent of umask), fsync'd, then renamed over the target.
    static func atomicWrite(_ bytes: [UInt8], to path: String, mode: mode_t) throws(SecretStoreError) {
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw SecretStoreError(path: temporary, .system(operation: "open", errno: errno)) }
        var failure: SecretStoreError?
        if fchmod(descriptor, mode) != 0 {
            failure = SecretStoreError(path: temporary, .system(operation: "fchmod", errno: errno))
        }
        var written = 0
        while failure == nil, written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { posixWrite(descriptor, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                failure = SecretStoreError(path: temporary, .system(operation: "write", errno: errno))
            } else {
                written += result
            }
        }
        if failure == nil, fsync(descriptor) != 0 {
            failure = SecretStoreError(path: temporary, .system(operation: "fsync", errno: errno))
        }
        close(descriptor)
        if failure == nil, rename(temporary, path) != 0 {
            failure = SecretStoreError(path: path, .system(operation: "rename", errno: errno))
        }
        if let failure {
            unlink(temporary)
            throw failure
        }
    }
}
