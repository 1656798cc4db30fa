import Testing

/// The whole-daemon tests: the real `ucwa-sim`, `ucwa-bridged` and `ucwa-bridge` executables as child processes,
/// talking over loopback and Unix sockets. Serialized (every nested suite included) so that at most one daemon and
/// one simulator run at a time on a small machine.
@Suite("ucwa-bridged against ucwa-sim", .serialized)
struct IntegrationSuite {}
