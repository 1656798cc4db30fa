import Foundation

/// Where the benchmarked executables are by default: beside the benchmark's own binary (the same build products
/// directory, e.g. `.build-release/release/`).
enum ExecutableLocator {
    /// The directory of the running executable, from `/proc/self/exe`.
    static var ownDirectory: String {
        let own =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: own).deletingLastPathComponent().path
    }

    /// `path` when given, else `name` beside the benchmark; throws when it is not an executable file.
    static func locate(_ name: String, given path: String?) throws -> String {
        let candidate = path ?? (ownDirectory + "/" + name)
        guard FileManager.default.isExecutableFile(atPath: candidate) else {
            throw BenchmarkError("\(candidate) is not an executable; build \(name) first or pass its path")
        }
        return candidate
    }
}
