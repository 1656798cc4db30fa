import NIOCore
import NIOPosix

extension SimulatorServer {
    /// Makes Swift concurrency run on the event loops the simulator serves HTTP on (NIO's
    /// singleton group), which saves a thread hop on every request and most of the simulator's
    /// CPU time per round trip. For executables only: call it once, before any other task is
    /// started. Returns whether it took effect: it cannot once the default executor is in use, nor
    /// in a build that links the Swift runtime statically (`--static-swift-stdlib`, as the release
    /// builds of script/bench do), where the runtime's hook is a hidden symbol that NIO's `dlsym`
    /// does not find. The simulator's HTTP work runs in NIO's channel handlers either way.
    public static func runConcurrencyOnEventLoops() -> Bool {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
