import Foundation

/// The supplementary groups of a process, from the `Groups:` line of `/proc/PID/status`.
enum SupplementaryGroups {
    /// The groups of `pid`; empty when the process is gone or the file cannot be read.
    static func of(pid: Int32, procRoot: String = "/proc") -> [UInt32] {
        guard pid > 0, let status = try? String(contentsOfFile: "\(procRoot)/\(pid)/status", encoding: .utf8) else {
            return []
        }
        return parse(status: status)
    }

    /// The numbers of the `Groups:` line of a status file.
    static func parse(status: String) -> [UInt32] {
        for line in status.split(separator: "\n") where line.hasPrefix("Groups:") {
            return line.dropFirst("Groups:".count).split(whereSeparator: { $0 == " " || $0 == "\t" })
                .compactMap { UInt32($0) }
        }
        return []
    }
}
