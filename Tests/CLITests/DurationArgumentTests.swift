import Testing

@testable import ucwa_bridge

@Suite struct DurationArgumentTests {
    @Test(arguments: [
        ("250ms", Int64(250)),
        ("30s", 30_000),
        ("10m", 600_000),
        ("1h", 3_600_000),
        ("1h30m", 5_400_000),
        ("2m5s", 125_000),
        ("1s500ms", 1_500),
        ("90s", 90_000),
        (" 5m ", 300_000),
    ])
    func parsesValidDurations(text: String, milliseconds: Int64) throws {
        let duration = try DurationArgument.parse(text)
        #expect(duration.milliseconds == milliseconds)
        #expect(duration.duration == .milliseconds(milliseconds))
    }

    @Test(arguments: [
        ("", "empty"),
        ("10", "no unit"),
        ("10x", "unknown unit 'x'"),
        ("30sec", "unknown unit 'sec'"),
        ("-5s", "whole number"),
        ("1.5h", "whole numbers"),
        ("2,5m", "whole numbers"),
        ("m", "whole number"),
        ("0s", "longer than zero"),
        ("0h0m", "longer than zero"),
        ("30m1h", "larger to smaller"),
        ("1m1m", "larger to smaller"),
        ("99999999999999999999s", "too large"),
        ("9999999999999999h", "too long"),
    ])
    func refusesInvalidDurationsWithTheReason(text: String, reason: String) {
        #expect {
            try DurationArgument.parse(text)
        } throws: { error in
            guard let error = error as? DurationArgument.ParseError else { return false }
            return error.text == text && error.reason.contains(reason) && error.description.contains("1h30m")
        }
    }

    @Test func zeroIsADurationOnlyWhereAllowed() throws {
        #expect(try DurationArgument.parseAllowingZero("0s").duration == .zero)
        #expect(try DurationArgument.parseAllowingZero("2m").duration == .seconds(120))
        #expect(throws: DurationArgument.ParseError.self) { try DurationArgument.parseAllowingZero("-1s") }
        #expect(throws: DurationArgument.ParseError.self) { try DurationArgument.parse("0s") }
    }

    @Test(arguments: [
        (Int64(5_400_000), "1h30m"),
        (1_500, "1s500ms"),
        (250, "250ms"),
        (7_200_000, "2h"),
    ])
    func describesItselfCanonically(milliseconds: Int64, text: String) throws {
        let duration = DurationArgument(milliseconds: milliseconds)
        #expect(duration.description == text)
        #expect(try DurationArgument.parse(text) == duration)
    }
}
