#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif
import CSystemd

/// Sends journal entries to journald over its native protocol (`sd_journal_sendv(3)`, on
/// `/run/systemd/journal/socket`), so that every field arrives as a field, not as text on a stream.
///
/// Sending is synchronous and thread-safe: once ``send(_:)`` returned, journald holds the entry. Values may contain
/// line breaks and any other character.
///
/// `sd_journal_sendv` reports success when journald's socket does not exist (it "fails silently if the journal is
/// not available"); the writer looks for the socket first, so that a caller learns that the entry went nowhere.
public struct JournalWriter: Sendable {
    /// journald's socket for native entries.
    public static let socketPath = "/run/systemd/journal/socket"

    public init() {}

    /// Sends one entry made of `fields`.
    ///
    /// - Throws: ``SystemdError`` with ``SystemdError/Code/journalSendFailed`` and the errno when no journald
    ///   listens (`ENOENT`: no socket; `ECONNREFUSED`: nobody reads it) or the entry was refused; nothing was
    ///   logged then.
    public func send(_ fields: [JournalField]) throws(SystemdError) {
        guard !fields.isEmpty else { return }
        guard access(Self.socketPath, F_OK) == 0 else {
            throw SystemdError(code: .journalSendFailed, errno: errno, origin: "sd_journal_sendv")
        }
        var storage: [UInt8] = []
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(fields.count)
        for field in fields {
            let start = storage.count
            storage += field.assignment
            ranges.append(start..<storage.count)
        }
        let result = storage.withUnsafeMutableBytes { bytes -> Int32 in
            guard let base = bytes.baseAddress else { return -EINVAL }
            let vectors = ranges.map { iovec(iov_base: base + $0.lowerBound, iov_len: $0.count) }
            return vectors.withUnsafeBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
        }
        if result < 0 {
            throw SystemdError(code: .journalSendFailed, errno: -result, origin: "sd_journal_sendv")
        }
    }

    /// Sends ``JournalEntry/fields`` of `entry`; see ``send(_:)``.
    public func send(_ entry: JournalEntry) throws(SystemdError) {
        try send(entry.fields)
    }
}
