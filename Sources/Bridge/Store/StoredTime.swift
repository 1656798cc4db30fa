import Foundation

/// How the store writes instants: a REAL number of seconds since 2001-01-01 00:00:00 UTC (Foundation's reference
/// date), because that is what a `Date` holds, so every instant reads back exactly equal.
///
/// In the `sqlite3` shell, `datetime(createdAt + 978307200, 'unixepoch')` shows one as UTC.
enum StoredTime {
    static func column(_ date: Date) -> Double {
        date.timeIntervalSinceReferenceDate
    }

    static func date(_ column: Double) -> Date {
        Date(timeIntervalSinceReferenceDate: column)
    }
}
