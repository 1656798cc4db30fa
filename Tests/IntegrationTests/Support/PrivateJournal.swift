import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A `systemd-journald` of the test's own, as a plain background process in a private mount namespace
/// (`unshare --mount --propagation private`): a tmpfs covers `/run` there, so its sockets
/// (`/run/systemd/journal/socket`, `stdout`) are reached only by processes started in that namespace (see
/// ``launcher``), and a directory of the test is bind-mounted on `/run/log/journal`, so that `journalctl
/// --directory` reads the entries from outside. Storage is volatile (a tmpfs also covers `/var/log/journal` when it
/// exists), nothing is forwarded and no kernel messages are read: the host's journal, `/run` and `/var/log/journal`
/// are never touched, and concurrent runs each have their own journald. The rate limit is journald's default.
///
/// Needs root (mount namespaces, `nsenter`), as on the development machines and CI.
final class PrivateJournal: Sendable {
    /// journald itself.
    let process: ChildProcess
    /// The directory journald writes its files to (under `<machine-id>/`).
    let directory: String

    static let journald = "/lib/systemd/systemd-journald"

    /// The script that runs in the new namespace: the mounts, the configuration, then journald in its place.
    private static let namespaceScript = """
        set -e
        mount -t tmpfs -o mode=0755 tmpfs /run
        mkdir -p /run/systemd/journal /run/systemd/journald.conf.d /run/log/journal
        mount --bind "$1" /run/log/journal
        if [ -d /var/log/journal ]; then mount -t tmpfs -o mode=0755 tmpfs /var/log/journal; fi
        printf '%s\\n' '[Journal]' Storage=volatile ReadKMsg=no ForwardToSyslog=no ForwardToKMsg=no \
            ForwardToConsole=no ForwardToWall=no > /run/systemd/journald.conf.d/ucwa-it.conf
        exec \(journald)
        """

    private init(process: ChildProcess, directory: String) {
        self.process = process
        self.directory = directory
    }

    /// Whether this machine can run it: root, journald, and the util-linux and systemd tools used.
    static var isAvailable: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: journald)
            && ["unshare", "nsenter", "journalctl", "systemd-cat", "stat"].allSatisfy { tool($0) != nil }
    }

    /// Starts journald in its namespace, writing to `directory/journal`, and waits until its socket exists.
    static func start(in directory: TemporaryDirectory) async throws -> PrivateJournal {
        let journalDirectory = try directory.makeDirectory("journal")
        let process = try ChildProcess(
            name: "systemd-journald",
            executable: try url(of: "unshare"),
            arguments: [
                "--mount", "--propagation", "private", "/bin/sh", "-c", namespaceScript, "sh", journalDirectory,
            ]
        )
        let journal = PrivateJournal(process: process, directory: journalDirectory)
        do {
            try await journal.waitUntilListening(timeout: .seconds(30))
        } catch {
            await process.stop(grace: .seconds(5))
            throw error
        }
        return journal
    }

    /// The command prefix that runs a program in journald's namespace, where `sd_journal_sendv` reaches it.
    var launcher: [String] {
        get throws {
            [try Self.path(of: "nsenter"), "--target", "\(process.processIdentifier)", "--mount", "--"]
        }
    }

    /// The command prefix that runs a program in the namespace with its standard output and error connected to a
    /// journald stream (`systemd-cat`) and `$JOURNAL_STREAM` set to that stream's `device:inode`, as systemd does
    /// for a service with `StandardError=journal`.
    func streamLauncher(identifier: String) throws -> [String] {
        let exportStream = """
            JOURNAL_STREAM=$(\(try Self.path(of: "stat")) -L -c %d:%i /proc/self/fd/2) && export JOURNAL_STREAM \
            && exec "$0" "$@"
            """
        return try launcher + [
            try Self.path(of: "systemd-cat"), "--identifier=\(identifier)", "--", "/bin/sh", "-c", exportStream,
        ]
    }

    /// Every entry (`journalctl --directory=... -o json --all`), or those matching `matches` (`FIELD=value`).
    func entries(_ matches: [String] = []) async throws -> [JournalRecord] {
        let arguments = ["--directory=\(directory)", "--output=json", "--all", "--no-pager", "--quiet"] + matches
        let reader = try ChildProcess(
            name: "journalctl",
            executable: try Self.url(of: "journalctl"),
            arguments: arguments
        )
        let termination = try await reader.waitForExit(timeout: .seconds(60))
        let output = await reader.standardOutput.complete(timeout: .seconds(10)) ?? reader.standardOutput.text
        guard termination == .exited(0) else {
            throw IntegrationError(
                "journalctl \(arguments.joined(separator: " ")) ended with \(termination): "
                    + reader.standardError.tail(20)
            )
        }
        return try JournalRecord.parse(output)
    }

    /// Reads the entries matching `matches` until `predicate` holds for them, again every 200 ms while it does not,
    /// for at most `timeout`; fails with what was there at the end.
    func waitForEntries(
        _ matches: [String] = [],
        timeout: Duration = .seconds(60),
        _ what: String,
        until predicate: ([JournalRecord]) -> Bool
    ) async throws -> [JournalRecord] {
        let clock = ContinuousClock()
        let limit = clock.now + timeout
        while true {
            let entries = try await self.entries(matches)
            if predicate(entries) {
                return entries
            }
            guard clock.now < limit else {
                throw IntegrationError(
                    "the journal did not show \(what) within \(timeout); it holds:\n"
                        + entries.suffix(40).map(\.description).joined(separator: "\n")
                )
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    /// Every byte of the journal files, to search for what must never be logged (in any field, shown or not).
    func fileContents() throws -> Data {
        var contents = Data()
        guard let files = FileManager.default.enumerator(atPath: directory) else { return contents }
        for case let file as String in files where file.hasSuffix(".journal") {
            contents.append(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + file)))
        }
        return contents
    }

    /// SIGTERM to journald (SIGKILL if it does not end); the namespace goes with its last process.
    func stop() async {
        await process.stop(grace: .seconds(10))
    }

    /// Waits until journald runs (the namespace's mounts are done once it has replaced the script) and its socket
    /// exists in its namespace (seen through `/proc/PID/root`).
    private func waitUntilListening(timeout: Duration) async throws {
        let root = "/proc/\(process.processIdentifier)"
        let clock = ContinuousClock()
        let limit = clock.now + timeout
        while clock.now < limit {
            guard process.isRunning else { break }
            let command = (try? String(contentsOfFile: root + "/comm", encoding: .utf8)) ?? ""
            if command.hasPrefix("systemd-journal"),
                access(root + "/root/run/systemd/journal/socket", F_OK) == 0,
                access(root + "/root/run/systemd/journal/stdout", F_OK) == 0
            {
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw IntegrationError(
            "systemd-journald did not create its sockets within \(timeout) "
                + "(\(process.ended.map(\.description) ?? "running")); stderr:\n\(process.standardError.tail(20))"
        )
    }

    private static func tool(_ name: String) -> String? {
        ["/usr/bin", "/bin", "/usr/sbin", "/sbin"].map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    private static func path(of name: String) throws -> String {
        guard let path = tool(name) else { throw IntegrationError("\(name) is not installed") }
        return path
    }

    private static func url(of name: String) throws -> URL {
        URL(fileURLWithPath: try path(of: name))
    }
}
