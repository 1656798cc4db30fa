import Testing

@testable import Daemon

@Suite struct DurationTextTests {
    @Test(arguments: [
        ("180s", Duration.seconds(180)),
        ("5m", .seconds(300)),
        ("1h", .seconds(3600)),
        ("168h", .seconds(168 * 3600)),
        ("250ms", .milliseconds(250)),
        ("1h30m", .seconds(5400)),
        ("1m30s500ms", .milliseconds(90_500)),
        ("0s", .zero),
        (" 2s ", .seconds(2)),
    ])
    func parsesDurations(text: String, expected: Duration) throws {
        #expect(try DurationText.parse(text) == expected)
    }

    @Test(arguments: [
        ("-5s", "negative"),
        ("180", "unit"),
        ("", "empty"),
        ("5x", "unknown unit"),
        ("1.5h", "duration"),
        ("h", "duration"),
        ("5m garbage", "duration"),
        ("99999999999999999999h", "duration"),
        ("9999999999999999h", "too long"),
    ])
    func refusesGarbage(text: String, mentioning: String) {
        #expect {
            try DurationText.parse(text)
        } throws: { error in
            (error as? DurationText.ParseError)?.problem.contains(mentioning) == true
        }
    }

    @Test(arguments: [
        (Duration.seconds(5400), "1h30m"),
        (.milliseconds(250), "250ms"),
        (.zero, "0s"),
        (.seconds(168 * 3600), "168h"),
        (.milliseconds(61_001), "1m1s1ms"),
    ])
    func formatsWhatItParses(duration: Duration, expected: String) throws {
        #expect(DurationText.format(duration) == expected)
        #expect(try DurationText.parse(expected) == duration)
    }
}
