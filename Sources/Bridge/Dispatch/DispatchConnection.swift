import UCWA

/// What the dispatcher needs from the UCWA session; ``UCWAClient`` is the real one. Tests may wrap it to script an
/// answer the simulator cannot give.
public protocol DispatchConnection: Sendable {
    /// The open application, if any.
    var application: ApplicationContext? { get async }
    /// `GET href` (refused without sending when `href` is outside the UCWA origin).
    func get(_ href: String, accept: UCWABodyFormat) async -> UCWAOutcome
    /// `POST href` with `body`.
    func post(_ href: String, body: RequestBody, accept: UCWABodyFormat) async -> UCWAOutcome
    /// Creates the application again after `generation` was lost; shared with the event channel's re-creation.
    func recreateApplication(replacing generation: Int) async throws(UCWAClientError) -> ApplicationContext
}

extension UCWAClient: DispatchConnection {}
