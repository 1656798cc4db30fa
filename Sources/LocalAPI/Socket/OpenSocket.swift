import Glibc

/// A listening socket ready to be handed to NIO: its descriptor, and the file the server created (to remove when
/// it stops) with the group that file has.
struct OpenSocket: Sendable {
    /// The listening descriptor; NIO owns it once the server channel is created.
    let descriptor: Int32
    /// The socket's path, when it has one.
    let path: String?
    /// The group of the socket file, when it has a file.
    let groupID: UInt32?
    /// The file the server bound and must remove when it stops; `nil` for an adopted socket.
    let ownedFile: FileIdentity?
}

/// A file's device and inode: removing the socket file only when it is still the one the server bound.
struct FileIdentity: Sendable, Hashable {
    let device: UInt64
    let inode: UInt64

    /// The identity of the file at `path` (not following a final symlink), or `nil` when nothing is there.
    static func of(path: String) -> (identity: FileIdentity, mode: UInt32, groupID: UInt32)? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return (FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)), info.st_mode, info.st_gid)
    }

    /// Removes the file at `path` if it is still this one.
    func remove(path: String) {
        guard let current = Self.of(path: path), current.identity == self else { return }
        unlink(path)
    }
}
