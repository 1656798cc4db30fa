import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How long `fdatasync(2)` of a 4 KiB append takes on the file system of the scratch directory (where the daemons
/// keep their SQLite queues): each durable state change of a request waits for one, one after another, so this
/// bounds what the daemon can do.
enum DiskSyncProbe {
    /// Appends and syncs `count` times a 4 KiB block to a file in `directory`; answers the latencies.
    static func measure(in directory: ScratchDirectory, count: Int = 200) throws -> LatencySummary {
        let path = directory.appending("fdatasync-probe")
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard descriptor >= 0 else { throw BenchmarkError("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer {
            close(descriptor)
            unlink(path)
        }
        let block = [UInt8](repeating: 0x2A, count: 4096)
        var latencies: [Duration] = []
        latencies.reserveCapacity(count)
        for _ in 0..<count {
            guard block.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) == block.count else {
                throw BenchmarkError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            let started = ContinuousClock.now
            guard fdatasync(descriptor) == 0 else {
                throw BenchmarkError("fdatasync failed: \(String(cString: strerror(errno)))")
            }
            latencies.append(.now - started)
        }
        guard let summary = LatencySummary(latencies) else { throw BenchmarkError("no fdatasync measured") }
        return summary
    }
}
