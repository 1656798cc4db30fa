/// A bearer token as the client holds it: the `Authorization` header value and when to refresh it.
///
/// Its textual forms show only a serial number, never the token.
struct BearerToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `Bearer cwt=…`. Secret.
    let authorization: String
    /// When to refresh proactively, as an offset on the client clock; `nil` when the lifetime is unknown.
    let refreshAt: Duration?
    /// Increases with every token obtained, to tell "the token I sent" from "a newer one".
    let serial: Int

    var description: String { "BearerToken(#\(serial))" }
    var debugDescription: String { description }
    var customMirror: Mirror { Mirror(self, children: ["serial": serial]) }
}
