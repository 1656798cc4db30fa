import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// User plus system CPU time of a process, in seconds.
enum ProcessCPU {
    /// Clock ticks per second of `/proc/PID/stat` (`sysconf(_SC_CLK_TCK)`, normally 100).
    static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))

    /// Another process's CPU time: `utime` plus `stime` (fields 14 and 15) of `/proc/PID/stat`, in clock ticks.
    static func seconds(of processIdentifier: Int32) throws -> Double {
        let stat = try String(contentsOfFile: "/proc/\(processIdentifier)/stat", encoding: .utf8)
        // The command name (field 2) may contain spaces: count the fields after its closing parenthesis.
        guard let end = stat.lastIndex(of: ")") else {
            throw BenchmarkError("unreadable /proc/\(processIdentifier)/stat")
        }
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else {
            throw BenchmarkError("unreadable /proc/\(processIdentifier)/stat")
        }
        return (user + system) / ticksPerSecond
    }

    /// This process's CPU time, every thread included, from `getrusage(RUSAGE_SELF)` (microseconds).
    static func ownSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
