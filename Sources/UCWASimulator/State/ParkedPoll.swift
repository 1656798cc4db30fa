/// A P-GET the simulator is holding, and the timer that releases it with an empty response.
struct ParkedPoll: Sendable {
    /// How a held P-GET is finally answered.
    enum Answer: Sendable {
        case events(EventResponseShape, DeliverySignal?)
        case error(status: Int, UCWAErrorBody)
        case shuttingDown
    }

    var id: UInt64
    /// Answers the held request; called once, outside the state lock.
    var deliver: @Sendable (Answer) -> Void
    var timer: SimulatorTimer

    /// Cancels the timer and answers the P-GET.
    func release(with answer: Answer) {
        timer.cancel()
        deliver(answer)
    }
}
