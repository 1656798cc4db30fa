import Bridge
import LocalAPI

/// One part of the daemon that must answer for the watchdog to be fed: an event loop, or an actor the daemon's
/// work goes through. `answer` returns once the part has run a trivial piece of work; it never returns while the
/// part is wedged.
struct LivenessCheck: Sendable {
    /// The part's name for logs, such as `event loop 1/2` or `dispatcher`.
    let name: String
    let answer: @Sendable () async -> Void

    init(name: String, answer: @escaping @Sendable () async -> Void) {
        self.name = name
        self.answer = answer
    }

    /// One check per event loop: each loop must run a no-op task.
    static func eachLoop(of loops: ServerEventLoops) -> [LivenessCheck] {
        (0..<loops.count).map { index in
            LivenessCheck(name: "event loop \(index + 1)/\(loops.count)") { await loops.answer(loop: index) }
        }
    }

    /// The dispatcher actor must answer a cheap, in-memory question.
    static func dispatcher(_ dispatcher: Dispatcher) -> LivenessCheck {
        LivenessCheck(name: "dispatcher") { _ = await dispatcher.hasWorkingChannel }
    }

    /// The queue actor must answer a cheap, in-memory question (the store is not touched).
    static func queue(_ queue: MessageQueue) -> LivenessCheck {
        LivenessCheck(name: "queue") { _ = await queue.isStopped }
    }

    /// The session's dispatcher and queue, as ``dispatcher(_:)`` and ``queue(_:)`` check them once the slot holds
    /// them; before (the UCWA application is being opened) there is nothing to wedge and both answer at once.
    static func session(_ slot: SessionSlot) -> [LivenessCheck] {
        [
            LivenessCheck(name: "dispatcher") {
                if let parts = slot.parts { await dispatcher(parts.dispatcher).answer() }
            },
            LivenessCheck(name: "queue") {
                if let parts = slot.parts { await queue(parts.queue).answer() }
            },
        ]
    }
}
