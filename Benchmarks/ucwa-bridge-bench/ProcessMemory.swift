import Foundation

/// A process's resident memory from `/proc/PID/status`: `VmRSS` now and `VmHWM`, the peak since it started.
struct ProcessMemory: Codable, Sendable {
    var residentBytes: Int
    var peakResidentBytes: Int

    /// Reads `/proc/PID/status` of `processIdentifier`, or of this process when `nil`.
    init(of processIdentifier: Int32?) throws {
        let path = "/proc/\(processIdentifier.map(String.init) ?? "self")/status"
        let status = try String(contentsOfFile: path, encoding: .utf8)
        var values: [Substring: Int] = [:]
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") || line.hasPrefix("VmHWM:") {
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count >= 3, parts[2] == "kB", let kilobytes = Int(parts[1]) else { continue }
            values[parts[0].dropLast()] = kilobytes * 1024
        }
        guard let resident = values["VmRSS"], let peak = values["VmHWM"] else {
            throw BenchmarkError("no VmRSS/VmHWM in \(path)")
        }
        residentBytes = resident
        peakResidentBytes = peak
    }
}

extension Int {
    /// Bytes in MiB.
    var mebibytes: Double { Double(self) / 1_048_576 }
}
