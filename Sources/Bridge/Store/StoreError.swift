import GRDB

/// Why the request store refused or failed an operation.
///
/// The reason names what went wrong (an SQLite result code and its message, a state change, a column) and never
/// carries a message text, a token or statement arguments.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable {
        /// The database file could not be opened or configured.
        case cannotOpen
        /// The schema could not be brought up to date, or the file was written by a newer version.
        case incompatibleSchema
        /// A ``RequestStore/record(_:)`` would move a stored request along a change the state machine refuses.
        case invalidTransition
        /// A ``RequestStore/record(_:)`` of a copy of the request older than the stored row: the copy misses
        /// attempts already stored (so the message may already be on its way), or would start another from them.
        case staleCopy
        /// A request with this id is already stored.
        case duplicateID
        /// Only `accepted` requests are inserted.
        case notAccepted
        /// A uniqueness or foreign-key rule refused the write (for example an attempt's operationId in use).
        case constraintViolated
        /// A stored row holds a value the bridge cannot read back (an unknown state, an invalid operationId).
        case corruptRow
        /// Any other SQLite failure (a full disk, an I/O error, a closed database).
        case databaseFailure
    }

    public var code: Code
    public var reason: String
    /// The store operation that failed, such as `record` or `list`.
    public var source: String

    public init(code: Code, reason: String, source: String) {
        self.code = code
        self.reason = reason
        self.source = source
    }

    /// `error` as a store error: a ``StoreError`` is kept as it is; an SQLite error keeps only its result code and
    /// SQLite's own message (GRDB leaves statement arguments out unless told otherwise, and the store never tells it).
    init(wrapping error: any Error, source: String) {
        if let error = error as? StoreError {
            self = error
        } else if error is StoreClosed {
            self.init(code: .databaseFailure, reason: "the store is closed", source: source)
        } else if let error = error as? DatabaseError {
            let code: Code = error.resultCode == .SQLITE_CONSTRAINT ? .constraintViolated : .databaseFailure
            self.init(
                code: code,
                reason: "SQLite error \(error.extendedResultCode.rawValue): \(error.message ?? "no message")",
                source: source
            )
        } else {
            self.init(code: .databaseFailure, reason: "\(type(of: error)): \(error)", source: source)
        }
    }

    public var description: String { "StoreError.\(code.rawValue) in \(source): \(reason)" }
}

/// An access to the store after ``RequestStore/close()``, or a batch that the closing store's writer reached after
/// it; mapped to ``StoreError/Code/databaseFailure`` ("the store is closed").
struct StoreClosed: Error {}
