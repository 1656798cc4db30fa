import NIOCore
import NIOPosix

extension SimulatorServer {
    /// Makes Swift concurrency run on the event loops the simulator serves HTTP on (NIO's
    /// singleton group), which saves a thread hop on every request and most of the simulator's
    /// CPU time per round trip. For executables only: call it once, before any other task is
    /// started. Returns whether it took effect (it cannot once the default executor is in use).
    public static func runConcurrencyOnEventLoops() -> Bool {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
