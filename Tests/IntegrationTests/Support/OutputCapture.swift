import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Everything a child process writes to one of its pipes, read on a thread of its own until end of file so that
/// the child never blocks on a full pipe, and waitable (for the simulator's first line, say).
final class OutputCapture: Sendable {
    private let bytes = Observed(Data())

    /// Starts reading `pipe` (whose write end the parent has closed after launching the child).
    init(reading handle: FileHandle, name: String) {
        let bytes = bytes
        let thread = Thread {
            let descriptor = handle.fileDescriptor
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    bytes.update { $0.append(contentsOf: buffer[0..<count]) }
                } else if count < 0, errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            try? handle.close()
            bytes.finish()
        }
        thread.name = "output of \(name)"
        thread.start()
    }

    /// What was written so far.
    var data: Data { bytes.value }

    /// What was written so far, as text.
    var text: String { String(decoding: bytes.value, as: UTF8.self) }

    /// Whether the writer closed the pipe (the child ended).
    var isComplete: Bool { bytes.isFinished }

    /// The last `count` lines written.
    func tail(_ count: Int = 60) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).suffix(count).joined(separator: "\n")
    }

    /// The first complete line, once written; `nil` if the pipe closes or `timeout` passes first.
    func firstLine(timeout: Duration) async -> String? {
        let newline = UInt8(ascii: "\n")
        guard let data = await bytes.wait(timeout: timeout, until: { $0.contains(newline) }),
            let end = data.firstIndex(of: newline)
        else { return nil }
        return String(decoding: data[data.startIndex..<end], as: UTF8.self)
    }

    /// Waits up to `timeout` until what was written contains `text`; answers whether it did.
    func waitFor(_ text: String, timeout: Duration) async -> Bool {
        let needle = Data(text.utf8)
        return await bytes.wait(timeout: timeout, until: { $0.range(of: needle) != nil }) != nil
    }

    /// Everything, once the pipe has closed; `nil` if `timeout` passes first.
    func complete(timeout: Duration) async -> String? {
        if bytes.isFinished { return text }
        _ = await bytes.wait(timeout: timeout, until: { _ in false })
        return bytes.isFinished ? text : nil
    }
}
