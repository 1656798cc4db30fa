import Foundation

/// Creates a small file so that readers see either nothing or the whole content, even across a crash: the content
/// goes to a temporary file beside the target, which is flushed to disk and then put in place, and the directory is
/// flushed so that the new name itself is durable.
enum AtomicFile {
    /// Creates `path` with `contents` and mode `mode`, unless it exists: the temporary file is hard-linked to
    /// `path`, which fails if another process (or an earlier run) created it first; an existing file is left alone.
    /// On a file system without hard links the temporary file is renamed into place instead.
    ///
    /// - Returns: `true` when this call created the file, `false` when it existed already.
    /// - Throws: ``StateDirectoryError`` naming `path` (or the temporary file) and the failing step.
    static func create(_ contents: String, at path: String, mode: mode_t = 0o600) throws(StateDirectoryError) -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = "\(path).tmp-\(getpid())-\(UUID().uuidString)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw failure(temporary, "cannot be created")
        }
        defer { unlink(temporary) }
        let bytes = Array(contents.utf8)
        let complete = bytes.withUnsafeBytes { buffer in
            writeAll(descriptor, buffer)
        }
        let synced = complete && fsync(descriptor) == 0
        let closed = close(descriptor) == 0
        guard synced, closed else {
            throw failure(temporary, "cannot be written")
        }
        if link(temporary, path) != 0 {
            switch errno {
            case EEXIST:
                return false
            case EPERM, ENOTSUP, EOPNOTSUPP:
                // A file system without hard links: the rename is still atomic, only no longer exclusive.
                guard rename(temporary, path) == 0 else { throw failure(path, "cannot be created") }
            default:
                throw failure(path, "cannot be created")
            }
        }
        try syncDirectory(directory)
        return true
    }

    /// Flushes a directory's entries (a rename in it) to disk.
    static func syncDirectory(_ directory: String) throws(StateDirectoryError) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw failure(directory, "cannot be opened to flush it")
        }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw failure(directory, "cannot be flushed to disk")
        }
    }

    private static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let result = Foundation.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return false }
            offset += result
        }
        return true
    }

    private static func failure(_ path: String, _ step: String) -> StateDirectoryError {
        StateDirectoryError(path: path, problem: "\(step): \(String(cString: strerror(errno)))")
    }
}
