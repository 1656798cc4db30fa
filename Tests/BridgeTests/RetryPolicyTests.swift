import TestSupport
import Testing

@testable import Bridge

struct RetryPolicyTests {
    private func policy(
        jitter: RetryPolicy.Jitter = .none,
        maximumAttempts: Int? = nil,
        deadline: Duration = .seconds(3600)
    ) throws -> RetryPolicy {
        try RetryPolicy(
            initialDelay: .seconds(1),
            multiplier: 2,
            maximumDelay: .seconds(300),
            jitter: jitter,
            maximumAttempts: maximumAttempts,
            deadline: deadline
        )
    }

    @Test func delaysDoubleFromOneSecondUpToTheCap() throws {
        let policy = try policy()
        let delays = (1...12).map { policy.cappedDelay(afterFailedAttempts: $0) }
        #expect(
            delays == [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300].map { Duration.seconds($0) }
        )
        #expect(policy.cappedDelay(afterFailedAttempts: 10_000) == .seconds(300))
    }

    @Test func standardPolicyIsTheOneTheDesignNames() {
        let standard = RetryPolicy.standard
        #expect(standard.initialDelay == .seconds(1))
        #expect(standard.multiplier == 2)
        #expect(standard.maximumDelay == .seconds(300))
        #expect(standard.jitter == .full)
        #expect(standard.deadline == .seconds(3600))
    }

    @Test(arguments: RetryPolicy.Jitter.allCases)
    func jitterStaysWithinItsBoundsAndIsReproducible(jitter: RetryPolicy.Jitter) throws {
        let policy = try policy(jitter: jitter)
        var first = SeededGenerator(seed: 7)
        var second = SeededGenerator(seed: 7)
        for attempt in 1...40 {
            let capped = policy.cappedDelay(afterFailedAttempts: attempt)
            let delay = policy.delay(afterFailedAttempts: attempt, using: &first)
            #expect(delay == policy.delay(afterFailedAttempts: attempt, using: &second))
            let lowerBound: Duration =
                switch jitter {
                case .none: capped
                case .full: .zero
                case .equal: capped / 2
                }
            #expect(delay >= lowerBound && delay <= capped, "attempt \(attempt): \(delay) outside bounds")
        }
    }

    @Test func fullJitterActuallySpreadsTheDelays() throws {
        let policy = try policy(jitter: .full)
        var generator = SeededGenerator(seed: 42)
        let delays = Set((0..<20).map { _ in policy.delay(afterFailedAttempts: 9, using: &generator) })
        #expect(delays.count == 20)
    }

    @Test func stopsWhenTheAttemptsAreUsedUp() throws {
        let policy = try policy(maximumAttempts: 3)
        var generator = SeededGenerator(seed: 1)
        #expect(policy.decision(afterFailedAttempts: 2, age: .zero, using: &generator) == .retry(after: .seconds(2)))
        #expect(policy.decision(afterFailedAttempts: 3, age: .zero, using: &generator) == .stop(.attemptsExhausted))
    }

    @Test func stopsWhenTheNextAttemptWouldMissTheDeadline() throws {
        let policy = try policy(deadline: .seconds(60))
        var generator = SeededGenerator(seed: 1)
        #expect(
            policy.decision(afterFailedAttempts: 3, age: .seconds(56), using: &generator) == .retry(after: .seconds(4))
        )
        #expect(policy.decision(afterFailedAttempts: 3, age: .seconds(57), using: &generator) == .stop(.deadlinePassed))
    }

    /// Settings that make no schedule, each with the key the error must name.
    static let invalidSettings:
        [(field: String, initial: Duration, multiplier: Double, cap: Duration, attempts: Int?)] = [
            ("initialDelay", .zero, 2, .seconds(1), nil),
            ("multiplier", .seconds(1), 0.5, .seconds(1), nil),
            ("multiplier", .seconds(1), .nan, .seconds(1), nil),
            ("maxDelay", .seconds(2), 2, .seconds(1), nil),
            ("maxAttempts", .seconds(1), 2, .seconds(1), 0),
        ]

    @Test(arguments: invalidSettings)
    func refusesSettingsThatMakeNoSchedule(
        setting: (field: String, initial: Duration, multiplier: Double, cap: Duration, attempts: Int?)
    ) {
        #expect {
            try RetryPolicy(
                initialDelay: setting.initial,
                multiplier: setting.multiplier,
                maximumDelay: setting.cap,
                jitter: .none,
                maximumAttempts: setting.attempts,
                deadline: .seconds(1)
            )
        } throws: { error in
            (error as? InvalidRetryPolicy)?.field == setting.field
        }
    }
}
