import NIOCore

/// The NIO event loops a server runs on, as the daemon's watchdog sees them: each loop can be asked to run a
/// no-op, which it does only while its thread is free to run tasks.
///
/// The API server and the UCWA client (AsyncHTTPClient's `defaultEventLoopGroup`) both use
/// `MultiThreadedEventLoopGroup.singleton` on Linux, so the loops of ``APIServer/eventLoops`` are also the UCWA
/// client's.
public struct ServerEventLoops: Sendable {
    private let loops: [any EventLoop]

    init(group: any EventLoopGroup) {
        loops = Array(group.makeIterator())
    }

    /// How many loops the group has (one per thread).
    public var count: Int { loops.count }

    /// Returns once loop `index` (`0..<count`) ran a no-op task. It does not return while the loop's thread is
    /// blocked, and it is not cancellable: callers that need a deadline race it in a task of its own.
    public func answer(loop index: Int) async {
        _ = try? await loops[index].submit {}.get()
    }

    /// Runs `body` on loop `index` (`0..<count`), on the loop's own thread.
    public func execute(onLoop index: Int, _ body: @escaping @Sendable () -> Void) {
        loops[index].execute(body)
    }
}

extension APIServer {
    /// The event loops this server (and, sharing the group, the UCWA client) runs on.
    public var eventLoops: ServerEventLoops {
        ServerEventLoops(group: eventLoopGroup)
    }
}
