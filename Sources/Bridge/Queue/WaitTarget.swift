/// What a long poll on one request (``MessageQueue/change(of:from:within:until:)``) waits for.
public enum WaitTarget: String, Sendable, Hashable, CaseIterable {
    /// Any change of state: a watcher that shows progress sees every step.
    case change
    /// A final state (`delivered`, `failed`, `cancelled`, `expired`): a watcher that only wants the outcome makes
    /// one call instead of one per step.
    case final
}
