import Foundation

/// New ids in the layout of a version 7 UUID (RFC 9562), written as 32 lower-case hexadecimal digits: the Unix time
/// in milliseconds, then 74 random bits.
///
/// Ids made later sort after those made earlier (within a millisecond, in random order). The bridge stores its
/// request and operation ids in SQLite indexes: a random id lands on a random page of each index, so every commit of
/// a busy queue wrote one more page per id and index, while ids in time order share the last page. The 74 random
/// bits keep them unique and unguessable: a client could not tell one request's id from another made in the same
/// millisecond, and the creation time they reveal is the request's `createdAt`, which the API shows anyway.
public enum TimeOrderedHex {
    /// A new id for `date` (by default now).
    public static func make(at date: Date = Date()) -> String {
        var generator = SystemRandomNumberGenerator()
        let milliseconds = UInt64(max(0, date.timeIntervalSince1970 * 1_000))
        let random = generator.next()
        // 48 bits of time, the version (7), 12 random bits; then the variant (0b10) and 62 random bits.
        let high = (milliseconds & 0xFFFF_FFFF_FFFF) << 16 | 0x7000 | (random >> 52)
        let low = 0x8000_0000_0000_0000 | (generator.next() >> 2)
        return String(unsafeUninitializedCapacity: 32) { buffer in
            for (offset, value) in [(0, high), (16, low)] {
                for index in 0..<16 {
                    buffer[offset + index] = digits[Int(value >> (60 - 4 * UInt64(index)) & 0xF)]
                }
            }
            return 32
        }
    }

    private static let digits = Array("0123456789abcdef".utf8)
}
