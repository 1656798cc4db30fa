/// Why the API socket could not be set up; each case says what to change.
public struct ListeningSocketError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// The path is empty or longer than a Unix socket address holds.
        case invalidPath
        /// The configured group does not exist.
        case unknownGroup
        /// Something that is not a socket is at the path; it is not removed.
        case notASocket
        /// Another process listens on the path.
        case inUse
        /// A system call failed (the message names it and the errno).
        case systemCallFailed
        /// An adopted descriptor is not a listening Unix stream socket.
        case unsuitableDescriptor
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
