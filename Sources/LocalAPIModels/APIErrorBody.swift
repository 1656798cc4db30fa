/// The body of every error answer, Docker style: a sentence for people and a stable code for programs.
public struct APIErrorBody: Codable, Sendable, Hashable {
    public var message: String
    public var code: String

    public init(message: String, code: String) {
        self.message = message
        self.code = code
    }
}
