/// Runs a Python script with `python3 -c`: the one launcher for the scripts the tests run as
/// independent peers (nats-py, PyPI nkeys, hashlib). Secrets go on stdin or in files, never in
/// `arguments`, since a command line is visible to every process on the machine.
public enum Python3 {
    public static func run(
        _ script: String, _ arguments: [String] = [], stdin input: String = "", timeout: Duration = .seconds(60)
    ) async throws -> Subprocess.Result {
        try await Subprocess.run("python3", ["-c", script] + arguments, stdin: input, timeout: timeout)
    }
}
