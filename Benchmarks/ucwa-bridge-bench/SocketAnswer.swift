import NIOCore

/// A whole answer: its status and its body.
struct SocketAnswer: Sendable {
    var status: Int
    var body: ByteBuffer
}
