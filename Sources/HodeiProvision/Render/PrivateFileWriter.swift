import Foundation

#if canImport(Glibc)
    import Glibc
    private let posixWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin
    private let posixWrite = Darwin.write
#endif

/// Writes rendered files 0600 inside 0700 directories, and only when the content differs, so a
/// re-render leaves unchanged files (and their mtimes) alone.
enum PrivateFileWriter {
    /// Returns true when the file was (re)written.
    @discardableResult
    static func write(_ text: String, to path: String) throws(RenderError) -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        try makeDirectory(directory)
        let bytes = Data(text.utf8)
        if let existing = FileManager.default.contents(atPath: path), existing == bytes {
            guard chmod(path, 0o600) == 0 else { throw failure(path, "chmod 600", errno) }
            return false
        }
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(temporary, "open", errno) }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else { throw failure(temporary, "fchmod", errno) }
        let written = bytes.withUnsafeBytes { posixWrite(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw failure(temporary, "write", errno) }
        guard rename(temporary, path) == 0 else { throw failure(path, "rename", errno) }
        return true
    }

    /// Creates `path` and missing parents with mode 0700, and tightens `path` itself to 0700
    /// (existing parents are left alone: they are not ours).
    static func makeDirectory(_ path: String) throws(RenderError) {
        try create(path)
        guard chmod(path, 0o700) == 0 else { throw failure(path, "chmod 700", errno) }
    }

    private static func create(_ path: String) throws(RenderError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw RenderError(location: path, problem: "exists and is not a directory", fix: "move it away or choose another --out")
            }
            return
        }
        try create((path as NSString).deletingLastPathComponent)
        guard mkdir(path, 0o700) == 0 || errno == EEXIST else { throw failure(path, "mkdir", errno) }
    }

    private static func failure(_ path: String, _ operation: String, _ code: Int32) -> RenderError {
        RenderError(location: path, problem: "\(operation) failed (errno \(code))", fix: "check ownership and free space")
    }
}
