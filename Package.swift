// swift-tools-version:6.1
import PackageDescription

#if canImport(Glibc)
import Glibc

/// Whether this machine's dynamic loader reads packed relative relocations (`DT_RELR`, glibc 2.36 and later).
let loaderReadsPackedRelocations: Bool = {
    var text = [CChar](repeating: 0, count: 64)  // "glibc 2.36"
    guard confstr(Int32(_CS_GNU_LIBC_VERSION), &text, text.count) > 0 else { return false }
    let bytes = text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    let version =
        String(decoding: bytes, as: UTF8.self).split(separator: " ").last?.split(separator: ".").compactMap { Int($0) }
        ?? []
    return version.count >= 2 && (version[0], version[1]) >= (2, 36)
}()
#else
let loaderReadsPackedRelocations = false
#endif

/// How release builds link the two programs an administrator installs, on Linux: with lld, without exporting
/// their symbols to the dynamic symbol table (nothing looks them up), and with relative relocations packed where
/// the loader reads them. The loader then touches far fewer pages at start: `ucwa-bridged` idles at about 35 MiB
/// resident instead of 41, address-space randomisation kept (docs/PERFORMANCE.md, "Where the memory goes"). The
/// debug information stays, compressed: crash reports keep their symbols, the file is 40 MB smaller.
let installedProgramLinking: [LinkerSetting] = [
    .unsafeFlags(
        ["-use-ld=lld", "-Xlinker", "--no-export-dynamic", "-Xlinker", "--compress-debug-sections=zlib"]
            + (loaderReadsPackedRelocations ? ["-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"] : []),
        .when(platforms: [.linux], configuration: .release)
    )
]

let package = Package(
    name: "ucwa-bridge",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ucwa-bridged", targets: ["ucwa-bridged"]),
        .executable(name: "ucwa-bridge", targets: ["ucwa-bridge"]),
        .executable(name: "ucwa-sim", targets: ["ucwa-sim"]),
        .library(name: "UCWA", targets: ["UCWA"]),
        .library(name: "UCWASimulator", targets: ["UCWASimulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(
            url: "https://github.com/apple/swift-configuration.git",
            from: "1.4.0",
            traits: [.defaults, "YAML", "Reloading", "CommandLineArguments"]
        ),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // Layer 0: the protocol and the operating system.
        .target(
            name: "UCWA",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        .target(name: "Systemd", dependencies: ["CSystemd"]),

        // Layer 1: the queue and the simulated server.
        .target(
            name: "Bridge",
            dependencies: [
                "UCWA",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "UCWASimulator",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Layer 2: the local API and its wire types (shared with the CLI).
        .target(name: "LocalAPIModels"),
        .target(
            name: "LocalAPI",
            dependencies: [
                "Bridge", "Systemd", "LocalAPIModels", "UCWA",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),

        // Layer 3: executables.
        // Layer 3: the daemon's configuration and wiring, a library so that tests reach it.
        .target(
            name: "Daemon",
            dependencies: [
                "LocalAPI", "Bridge", "Systemd", "UCWASimulator",
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "ucwa-bridged",
            dependencies: [
                "Daemon",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: installedProgramLinking
        ),
        .executableTarget(
            name: "ucwa-bridge",
            dependencies: [
                "LocalAPIModels",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            linkerSettings: installedProgramLinking
        ),
        .executableTarget(
            name: "ucwa-sim",
            dependencies: [
                "UCWASimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Benchmarks: separate commands, never part of the test run.
        .executableTarget(
            name: "ucwa-sim-bench",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Benchmarks/ucwa-sim-bench"
        ),
        .executableTarget(
            name: "ucwa-bridge-bench",
            dependencies: [
                "LocalAPIModels", "UCWA", "UCWASimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/ucwa-bridge-bench"
        ),

        // Tests: one target per module, and what they share.
        .target(
            name: "TestSupport",
            dependencies: [.product(name: "Logging", package: "swift-log")],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "UCWATests", dependencies: ["UCWA", "UCWASimulator", "TestSupport"]),
        .testTarget(
            name: "UCWASimulatorTests",
            dependencies: [
                "UCWASimulator", "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "BridgeTests",
            dependencies: ["Bridge", "UCWASimulator", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "LocalAPITests",
            dependencies: [
                "LocalAPI", "LocalAPIModels", "Bridge", "UCWA", "UCWASimulator", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "DaemonTests", dependencies: ["Daemon", "TestSupport", "Systemd", "Bridge", "UCWA"]),
        .testTarget(
            name: "CLITests",
            dependencies: ["ucwa-bridge", "LocalAPIModels", "TestSupport", .product(name: "NIOCore", package: "swift-nio")]
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "LocalAPIModels", "UCWASimulator", "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "SystemdTests", dependencies: ["Systemd"]),
    ],
    swiftLanguageModes: [.v6]
)
