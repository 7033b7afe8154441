import ArgumentParser
import Foundation
import HodeiProvision

extension HodeiProvisionCommand {
    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the applies recorded for the profile's environment, newest first.",
            discussion: """
            Every apply or destroy that sends changes is recorded in the JetStream
            KV bucket `hodei_provision` of the profile's first tenant (key
            history.<environment>.<id>): time, operator ($USER@host), profile
            path and SHA-256, counts, the result per resource and the duration.
            The environment's apply lock (key lock.<environment>) is shown too.

            Exit status: 0 listed (also when empty), 1 error, 64 usage error.

            Examples:
              hodei-provision history profiles/prod.profile --limit 5
              hodei-provision history profiles/prod.profile --format json
            """)

        @OptionGroup var global: GlobalOptions

        @Option(help: "Show at most this many records.")
        var limit: Int = 20

        @Argument(help: "The profile whose environment to show.")
        var profile: String

        func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        }

        func run() async throws {
            let loaded = try ProfileStage.load(profile, reporter: StageReporter(options: global))
            let reconciler = Reconciler(profile: loaded)
            let records: [ApplyRecord]
            let lock: LockRecord?
            do {
                let bookkeeping = try await ApplyBookkeeping.open(reconciler)
                records = try await bookkeeping.journal.history(environment: loaded.environment, limit: limit)
                lock = try await bookkeeping.lock().current()
            } catch {
                await reconciler.close()
                StageReporter.printError("history: \(error)")
                throw ExitCode(1)
            }
            await reconciler.close()
            switch global.format {
            case .json:
                ProfileStage.write(try ReportJSON.encode(records, with: ApplyRecord.encoder))
            case .text:
                print(HistoryText.render(records, lock: lock, environment: loaded.environment), terminator: "")
            }
        }
    }
}

/// The text table of `history`.
enum HistoryText {
    static func render(_ records: [ApplyRecord], lock: LockRecord?, environment: String) -> String {
        let time = ISO8601DateFormatter()
        var out = ""
        if let lock {
            out += "Lock: held by \(lock.holder) since \(time.string(from: lock.acquiredAt)), expires \(time.string(from: lock.expiresAt))\n"
        } else {
            out += "Lock: free\n"
        }
        guard !records.isEmpty else { return out + "No applies recorded for environment \(environment).\n" }
        out += "\n"
        for record in records {
            let counts = record.summary
            out += "\(time.string(from: record.time))  \(record.outcome.rawValue)  \(record.operator)  "
                + "\(String(format: "%.1fs", record.durationSeconds))\n"
            out += "  \(record.profilePath) \(record.profileHash)\n"
            out += "  \(counts.create) created, \(counts.update) updated, \(counts.replace) replaced, "
                + "\(counts.delete) deleted, \(counts.failed) failed\n"
            for failure in record.results where failure.result == .failed {
                out += "  failed: \(failure.address) \(failure.action): \(failure.message ?? "")\n"
            }
        }
        return out
    }
}
