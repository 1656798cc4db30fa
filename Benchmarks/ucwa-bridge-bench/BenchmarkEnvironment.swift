import AsyncHTTPClient
import Logging

/// What every phase works with: the executables, the scratch directory, the children registry and the HTTP client
/// that speaks to the simulators' admin API.
struct BenchmarkEnvironment: Sendable {
    var simulatorPath: String
    var daemonPath: String
    var directory: ScratchDirectory
    var registry: ChildProcessRegistry
    var http: HTTPClient
    var logger: Logger
}
