/// The faults scripted per endpoint: a queue of "the next N calls" entries, consumed first, and
/// at most one probabilistic fault per endpoint drawn from a seeded generator.
struct FaultPlan: Sendable {
    private struct Scripted: Sendable {
        var fault: SimulatedFault
        var remaining: Int
    }

    private var scripted: [SimulatedEndpoint: [Scripted]] = [:]
    private var probabilistic: [SimulatedEndpoint: (fault: SimulatedFault, probability: Double)] = [:]
    private var generator: SeededGenerator

    init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    mutating func script(_ fault: SimulatedFault, at endpoint: SimulatedEndpoint, count: Int) {
        guard count > 0 else { return }
        scripted[endpoint, default: []].append(Scripted(fault: fault, remaining: count))
    }

    mutating func script(_ fault: SimulatedFault, at endpoint: SimulatedEndpoint, probability: Double) {
        probabilistic[endpoint] = (fault, min(max(probability, 0), 1))
    }

    mutating func reseed(_ seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    mutating func clear() {
        scripted = [:]
        probabilistic = [:]
    }

    /// The fault for the next call of `endpoint`, if any, consuming a scripted one.
    mutating func nextFault(for endpoint: SimulatedEndpoint) -> SimulatedFault? {
        if var queue = scripted[endpoint], !queue.isEmpty {
            let fault = queue[0].fault
            queue[0].remaining -= 1
            if queue[0].remaining == 0 {
                queue.removeFirst()
            }
            scripted[endpoint] = queue.isEmpty ? nil : queue
            return fault
        }
        if let (fault, probability) = probabilistic[endpoint],
            Double.random(in: 0..<1, using: &generator) < probability
        {
            return fault
        }
        return nil
    }
}
