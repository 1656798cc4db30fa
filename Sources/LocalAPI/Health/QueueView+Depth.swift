import Bridge
import Foundation
import LocalAPIModels

extension HealthView.QueueView {
    /// The health report's view of `depth`: the non-empty states by name, and the age of the oldest waiting
    /// request at `now` (never negative).
    init(_ depth: QueueDepth, now: Date) {
        self.init(
            byState: Dictionary(
                uniqueKeysWithValues: depth.byState.filter { $0.value > 0 }.map { ($0.key.rawValue, $0.value) }
            ),
            oldestQueuedAgeSeconds: depth.oldestQueuedAt.map { max(0, now.timeIntervalSince($0)) }
        )
    }

    /// The view when the store did not answer: no state, no age.
    static let unread = HealthView.QueueView(byState: [:], oldestQueuedAgeSeconds: nil)
}
