import ArgumentParser

/// Measures requests through the whole daemon beside a direct UCWA client (being written).
@main
struct BridgeBenchmark: ParsableCommand {
    func run() throws {
        throw ExitCode(69)
    }
}
