import LocalAPIModels

/// The table that shows the daemon's health to people.
enum HealthPresenter {
    /// The health answer, one field per line.
    static func render(_ health: HealthView) -> String {
        let application = health.application.map { "\($0.href) (\($0.creation))" }
        return TableRenderer().render([
            ["status", health.status],
            ["event channel", health.eventChannel.state],
            ["last event at", HumanFormat.date(health.eventChannel.lastEventAt)],
            ["reconnects", String(health.eventChannel.reconnects)],
            ["application", TableRenderer.cell(application)],
            ["queue", queue(health.queue.byState)],
            ["oldest queued", HumanFormat.age(seconds: health.queue.oldestQueuedAgeSeconds)],
        ])
    }

    /// `accepted 2, retryScheduled 1` in the states' lifecycle order (unknown states last, by
    /// name), or `empty`.
    static func queue(_ byState: [String: Int]) -> String {
        let order = MessageState.allCases.map(\.rawValue)
        let counts = byState.filter { $0.value != 0 }.sorted { first, second in
            let firstIndex = order.firstIndex(of: first.key) ?? order.count
            let secondIndex = order.firstIndex(of: second.key) ?? order.count
            return firstIndex != secondIndex ? firstIndex < secondIndex : first.key < second.key
        }
        guard !counts.isEmpty else { return "empty" }
        return counts.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }
}
