/// What the next invitations do: queued outcomes (consumed one per invitation), the default
/// outcome, the event order, aggregation, and the delays before the first events and the outcome.
struct InvitationScript: Sendable {
    var defaultOutcome: InvitationOutcome
    var order: InvitationEventOrder
    var completedOnly: Bool
    var outcomeDelay: Duration
    var eventDelay: Duration = .zero
    private var queued: [InvitationOutcome] = []

    init(configuration: SimulatorConfiguration) {
        defaultOutcome = configuration.invitationOutcome
        order = configuration.invitationEventOrder
        completedOnly = configuration.completedOnly
        outcomeDelay = configuration.outcomeDelay
    }

    mutating func enqueue(_ outcomes: [InvitationOutcome]) {
        queued.append(contentsOf: outcomes)
    }

    mutating func nextOutcome() -> InvitationOutcome {
        queued.isEmpty ? defaultOutcome : queued.removeFirst()
    }
}
