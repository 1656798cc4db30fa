import Foundation

/// `ucwa-sim` running as a child process, with the discovery URL it printed.
final class SimulatorProcess {
    let discoveryURL: String
    private let process: Process

    init(path: String) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--listen", "127.0.0.1:0"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()

        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            guard let character = byte.first else { throw BenchmarkError("ucwa-sim exited before printing its URL") }
            if character == UInt8(ascii: "\n") { break }
            line.append(character)
        }
        discoveryURL = String(decoding: line, as: UTF8.self)
    }

    /// User plus system CPU seconds the simulator has used so far.
    func cpuTime() throws -> Double {
        let stat = try String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8)
        guard let end = stat.lastIndex(of: ")") else { throw BenchmarkError("unreadable /proc stat") }
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else {
            throw BenchmarkError("unreadable /proc stat")
        }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
