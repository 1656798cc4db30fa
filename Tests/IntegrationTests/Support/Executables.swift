import Foundation

/// Where the package's executables are: beside the test binary (`.build/<triple>/debug/`), else in
/// `<package root>/.build/debug/`.
struct Executables: Sendable {
    /// The directory that holds `ucwa-bridged`, `ucwa-bridge` and `ucwa-sim`.
    let directory: URL

    static let names = ["ucwa-bridged", "ucwa-bridge", "ucwa-sim"]

    /// The daemon.
    var daemon: URL { directory.appendingPathComponent("ucwa-bridged") }
    /// The command-line client.
    var client: URL { directory.appendingPathComponent("ucwa-bridge") }
    /// The UCWA simulator.
    var simulator: URL { directory.appendingPathComponent("ucwa-sim") }

    /// Finds the directory, or fails with what to do about it.
    static func locate() throws -> Executables {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        if let first = CommandLine.arguments.first, first.contains("/") {
            candidates.append(URL(fileURLWithPath: first).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        // Tests/IntegrationTests/Support/Executables.swift -> the package root.
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug"))
        for directory in candidates where names.allSatisfy({ isExecutable(directory.appendingPathComponent($0)) }) {
            return Executables(directory: directory)
        }
        let looked = candidates.map(\.path).joined(separator: ", ")
        throw IntegrationError(
            "the executables \(names.joined(separator: ", ")) were not found (looked in \(looked)); "
                + "run `swift build` first (script/test builds them before testing)"
        )
    }

    private static func isExecutable(_ url: URL) -> Bool {
        FileManager.default.isExecutableFile(atPath: url.path)
    }
}
