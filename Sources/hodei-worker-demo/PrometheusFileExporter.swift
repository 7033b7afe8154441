import Foundation
import Prometheus

/// Writes the registry in the Prometheus text exposition format to a file, every `interval` and
/// once more at the end (atomically: a scraper, e.g. node_exporter's textfile collector, never
/// reads half a file).
struct PrometheusFileExporter: Sendable {
    let registry: PrometheusCollectorRegistry
    let path: String
    let interval: Duration

    func write() throws {
        try Data(registry.emitToBuffer()).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Runs until cancelled.
    func run() async {
        while !Task.isCancelled {
            try? write()
            try? await Task.sleep(for: interval)
        }
    }
}
