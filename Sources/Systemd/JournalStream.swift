#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The journald stream a service's standard output or error is connected to, as systemd.exec(5) describes:
/// systemd sets `$JOURNAL_STREAM` to the `device:inode` of that stream, and a process whose standard error still
/// has that device and inode writes to the journal, so it may as well log to journald natively.
///
/// The variable alone proves nothing (it is inherited by children whose standard error was redirected); only the
/// match with `fstat(2)` of the descriptor does.
public struct JournalStream: Sendable, Hashable, CustomStringConvertible {
    /// `st_dev` of the stream.
    public var device: UInt64
    /// `st_ino` of the stream.
    public var inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    /// Parses `$JOURNAL_STREAM`: two decimal numbers separated by `:`; `nil` for anything else.
    public init?(environmentValue text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return nil }
        self.init(device: device, inode: inode)
    }

    /// The device and inode `descriptor` refers to; `nil` when it is not open.
    public init?(descriptor: Int32) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        self.init(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    /// `device:inode`, as systemd writes it.
    public var description: String { "\(device):\(inode)" }

    /// Whether `descriptor` (standard error by default) is the journal stream `environmentValue` names
    /// (`$JOURNAL_STREAM` of this process by default).
    public static func isConnected(
        _ descriptor: Int32 = STDERR_FILENO,
        environmentValue: String? = getenv("JOURNAL_STREAM").map { String(cString: $0) }
    ) -> Bool {
        guard let environmentValue, let expected = JournalStream(environmentValue: environmentValue),
            let actual = JournalStream(descriptor: descriptor)
        else { return false }
        return expected == actual
    }
}
