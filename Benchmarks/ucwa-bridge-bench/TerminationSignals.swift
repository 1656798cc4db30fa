import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// SIGINT and SIGTERM to the benchmark stop its children (SIGTERM, then SIGKILL after a bound), remove the scratch
/// directory and exit with 128 + the signal number, so that no daemon or simulator outlives an interrupted run.
final class TerminationSignals {
    private let sources: [any DispatchSourceSignal]

    /// Installs the handlers; they stay until ``cancel()``.
    init(registry: ChildProcessRegistry, directory: ScratchDirectory) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                FileHandle.standardError.write(Data("ucwa-bridge-bench: signal \(number), stopping children\n".utf8))
                registry.stopAllNow()
                directory.remove()
                exit(128 + number)
            }
            source.resume()
            return source
        }
    }

    /// Removes the handlers and restores the default dispositions.
    func cancel() {
        for source in sources {
            source.cancel()
        }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
