import Glibc

/// Small helpers around the C calls of the socket code: errno as text, and checked results.
enum SystemCall {
    /// `strerror(errno)`, e.g. `Permission denied`.
    static func describe(_ errno: Int32) -> String {
        String(cString: strerror(errno))
    }

    /// Throws a ``ListeningSocketError/Code/systemCallFailed`` naming `call`, `subject` and the errno when `result`
    /// is negative.
    static func check(_ result: Int32, _ call: String, _ subject: String) throws(ListeningSocketError) {
        guard result >= 0 else {
            throw failure(call, subject, errno)
        }
    }

    /// The error for a failed call.
    static func failure(_ call: String, _ subject: String, _ code: Int32) -> ListeningSocketError {
        ListeningSocketError(.systemCallFailed, "\(call) \(subject): \(describe(code))")
    }
}
