// swift-tools-version:6.1
import PackageDescription

// Module map (see README "Architecture"): arrows point one way.
//   CNATS ◀─ NATSClient ◀─ HodeiBus ◀─┐
//   HodeiProfile (pure) ◀─────────────┼── HodeiProvision ◀─ hodei-provision (CLI)
//   HodeiPlan (pure) ◀────────────────┤
//   HodeiSecurity (pure) ◀────────────┤
//   NATSServerControl (processes) ◀───┘
//   JSONBytes (pure) ◀── HodeiBus, HodeiPlan (the JSON string-escape decoding both parsers share)
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "hodei-provision",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hodei-provision", targets: ["hodei-provision"]),
        .library(name: "HodeiBus", targets: ["HodeiBus"]),
        .library(name: "HodeiProvision", targets: ["HodeiProvision"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.3.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.1.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.0.0"),
    ],
    targets: [
        // The only C in the package: libnats through pkg-config.
        .systemLibrary(
            name: "CNATS",
            pkgConfig: "libnats",
            providers: [.apt(["libnats-dev"])]
        ),
        // The only Swift module that imports CNATS; owns every C lifetime.
        .target(
            name: "NATSClient",
            dependencies: ["CNATS"],
            swiftSettings: strict
        ),
        // Starts and stops local nats-server processes (tests, `up`, benches).
        .target(
            name: "NATSServerControl",
            dependencies: [],
            swiftSettings: strict
        ),
        // Pure, no dependencies: JSON string-escape decoding shared by HodeiBus' and HodeiPlan's
        // parsers, which may not import each other.
        .target(
            name: "JSONBytes",
            dependencies: [],
            swiftSettings: strict
        ),
        .target(
            name: "HodeiBus",
            dependencies: [
                "NATSClient", "JSONBytes",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: strict
        ),
        // Pure: profile text → located, validated, typed model. No I/O beyond reading files.
        .target(
            name: "HodeiProfile",
            dependencies: [
                "Yams",
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // Pure: JetStream config model, normalisation and the planner.
        .target(
            name: "HodeiPlan",
            dependencies: ["JSONBytes"],
            swiftSettings: strict
        ),
        // Pure: nkeys, JWT, creds, certificates.
        .target(
            name: "HodeiSecurity",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "HodeiProvision",
            dependencies: [
                "HodeiBus", "NATSClient", "HodeiProfile", "HodeiPlan", "HodeiSecurity",
                "NATSServerControl",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "hodei-provision",
            dependencies: [
                "HodeiProvision",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Benchmarks: release-built, compare against peers measured in the same run.
        .executableTarget(
            name: "hodei-bench",
            dependencies: [
                // Every module a bench imports is declared, so SwiftPM rebuilds the bench when
                // one changes (a transitive-only import went stale and crashed).
                "HodeiProvision", "NATSServerControl", "NATSClient", "HodeiBus", "HodeiPlan", "HodeiProfile",
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Demo of worker agents over a real server (issue 3 point 8): groups, load balancing,
        // at-least-once; exposes the bus metrics in the Prometheus text format.
        .executableTarget(
            name: "hodei-worker-demo",
            dependencies: [
                "HodeiBus", "NATSServerControl",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strict
        ),
        // The C peer for the benchmarks: the same work over raw libnats.
        .executableTarget(
            name: "nats-c-bench",
            dependencies: [],
            linkerSettings: [.linkedLibrary("nats")]
        ),
        // Helpers the test targets share (temporary directories, child processes); never shipped.
        .target(name: "HodeiTestSupport", path: "Tests/HodeiTestSupport", swiftSettings: strict),
        .testTarget(name: "NATSClientTests", dependencies: ["NATSClient", "NATSServerControl", "HodeiTestSupport"], swiftSettings: strict),
        .testTarget(name: "HodeiBusTests", dependencies: ["HodeiBus", "NATSClient", "NATSServerControl", .product(name: "MetricsTestKit", package: "swift-metrics")], resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "HodeiProfileTests", dependencies: ["HodeiProfile", "HodeiTestSupport", .product(name: "X509", package: "swift-certificates"), .product(name: "Crypto", package: "swift-crypto"), .product(name: "SwiftASN1", package: "swift-asn1")], resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "HodeiPlanTests", dependencies: ["HodeiPlan"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "HodeiSecurityTests", dependencies: ["HodeiSecurity", "HodeiTestSupport"], swiftSettings: strict),
        .testTarget(name: "HodeiProvisionTests", dependencies: ["HodeiProvision", "NATSServerControl", "HodeiTestSupport"], swiftSettings: strict),
    ]
)
