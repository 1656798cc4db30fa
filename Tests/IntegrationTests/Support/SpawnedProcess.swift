import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A child started with `posix_spawn(3)` and reaped by a thread of its own, with its output captured like a
/// ``ChildProcess``'s, for programs that Foundation's `Process` cannot follow.
///
/// Why: on Linux, `Process` learns that a child ended when the child's copy of a socket it passes is closed, and then
/// waits for it with a blocking `waitpid` on its one manager thread. `systemd-socket-activate -l` closes every
/// inherited descriptor before it execs the daemon, so `Process` would sit in that `waitpid` for the daemon's whole
/// life and notice no other child's exit meanwhile (a `ucwa-bridge` run would seem never to end). Here the thread
/// waits for this one pid only, which is the daemon's after the exec, so signals reach the daemon.
///
/// The last reference going away SIGKILLs a child that still runs.
final class SpawnedProcess: Sendable {
    let name: String
    let processIdentifier: Int32
    let standardOutput: OutputCapture
    let standardError: OutputCapture
    private let termination = Observed<ChildProcess.Termination?>(nil)

    /// Spawns `executable` with `arguments`; `environment` is added to ``ChildProcess/cleanEnvironment``. Standard
    /// input is `/dev/null`.
    init(name: String, executable: String, arguments: [String], environment: [String: String] = [:]) throws {
        self.name = name
        var output: [Int32] = [-1, -1]
        var error: [Int32] = [-1, -1]
        guard pipe(&output) == 0 else { throw Self.failure("pipe") }
        guard pipe(&error) == 0 else {
            output.forEach { close($0) }
            throw Self.failure("pipe")
        }
        // Close-on-exec, so that no other child inherits them; dup2 onto 1 and 2 in the child clears the flag there.
        for descriptor in output + error {
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, error[1], 2)

        let command = [executable] + arguments
        let variables = ChildProcess.cleanEnvironment.merging(environment) { _, new in new }.map { "\($0)=\($1)" }
        let argv = command.map { strdup($0) } + [nil]
        let envp = variables.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        close(output[1])
        close(error[1])
        guard result == 0 else {
            close(output[0])
            close(error[0])
            throw IntegrationError("posix_spawn \(executable) failed: \(String(cString: strerror(result)))")
        }
        let child = pid
        processIdentifier = child
        standardOutput = OutputCapture(
            reading: FileHandle(fileDescriptor: output[0], closeOnDealloc: true),
            name: "\(name) stdout"
        )
        standardError = OutputCapture(
            reading: FileHandle(fileDescriptor: error[0], closeOnDealloc: true),
            name: "\(name) stderr"
        )
        let termination = termination
        let reaper = Thread {
            var status: Int32 = 0
            while waitpid(child, &status, 0) == -1 && errno == EINTR {}
            let signal = status & 0x7f
            termination.update { $0 = signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal) }
        }
        reaper.name = "reaper of \(name)"
        reaper.start()
    }

    /// Whether the child still runs.
    var isRunning: Bool { termination.value == nil }

    /// How the child ended, if it has.
    var ended: ChildProcess.Termination? { termination.value }

    /// Sends `signal` to the child if it still runs.
    func send(_ signal: Int32) {
        guard isRunning else { return }
        kill(processIdentifier, signal)
    }

    /// Waits up to `timeout` for the child to end.
    func waitForExit(timeout: Duration) async throws -> ChildProcess.Termination {
        if let ended = await termination.wait(timeout: timeout, until: { $0 != nil }) ?? nil {
            return ended
        }
        throw IntegrationError("\(name) (pid \(processIdentifier)) still runs after \(timeout)")
    }

    /// SIGTERM with `grace`, then SIGKILL; never throws. For teardown.
    func stop(grace: Duration = .seconds(15)) async {
        guard isRunning else { return }
        send(SIGTERM)
        if (try? await waitForExit(timeout: grace)) == nil {
            send(SIGKILL)
            _ = try? await waitForExit(timeout: .seconds(30))
        }
    }

    deinit {
        if termination.value == nil {
            kill(processIdentifier, SIGKILL)
        }
    }

    private static func failure(_ call: String) -> IntegrationError {
        IntegrationError("\(call) failed: \(String(cString: strerror(errno)))")
    }
}
