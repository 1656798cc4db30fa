// swift-tools-version:6.1
import PackageDescription

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

        // Layer 2: the local API.
        .target(name: "LocalAPI", dependencies: ["Bridge", "Systemd"]),

        // Layer 3: executables.
        .executableTarget(
            name: "ucwa-bridged",
            dependencies: [
                "LocalAPI", "Bridge", "Systemd", "UCWASimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "ucwa-bridge",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]
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
        .testTarget(name: "BridgeTests", dependencies: ["Bridge", "UCWASimulator", "TestSupport"]),
        .testTarget(name: "LocalAPITests", dependencies: ["LocalAPI"]),
        .testTarget(name: "SystemdTests", dependencies: ["Systemd"]),
    ],
    swiftLanguageModes: [.v6]
)
