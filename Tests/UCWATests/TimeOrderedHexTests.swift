import Foundation
import Testing
import UCWA

@Suite struct TimeOrderedHexTests {
    @Test func anIdIsAVersion7UUIDInThirtyTwoLowerCaseHexDigits() throws {
        let date = Date(timeIntervalSince1970: 1_796_000_000.123)
        let id = TimeOrderedHex.make(at: date)
        #expect(id.count == 32)
        #expect(id.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        // The first 48 bits are the Unix time in milliseconds.
        #expect(UInt64(id.prefix(12), radix: 16) == 1_796_000_000_123)
        #expect(Array(id)[12] == "7")
        #expect("89ab".contains(Array(id)[16]))
        let groups = [id.prefix(8), id.dropFirst(8).prefix(4), id.dropFirst(12).prefix(4), id.dropFirst(16).prefix(4)]
        let dashed = (groups + [id.dropFirst(20)]).joined(separator: "-")
        #expect(UUID(uuidString: dashed) != nil)
    }

    @Test func idsOfLaterMillisecondsSortAfter() {
        // Half a millisecond into each, so that the binary fraction does not round down into the one before.
        let ids = (0..<1_000).map {
            TimeOrderedHex.make(at: Date(timeIntervalSince1970: (1_796_000_000_000.5 + Double($0)) / 1_000))
        }
        #expect(zip(ids, ids.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func idsOfOneMillisecondDiffer() {
        let date = Date(timeIntervalSince1970: 1_796_000_000)
        let ids = (0..<10_000).map { _ in TimeOrderedHex.make(at: date) }
        #expect(Set(ids).count == ids.count)
        // 74 random bits: the ids of one millisecond share their first 12 digits and the version digit only.
        #expect(Set(ids.map { $0.dropFirst(13) }).count == ids.count)
    }

    @Test func aDateBeforeTheEpochCountsAsTheEpoch() {
        let id = TimeOrderedHex.make(at: Date(timeIntervalSince1970: -5))
        #expect(id.hasPrefix("000000000000"))
    }
}
