import Foundation
import Testing

@testable import Systemd

/// These tests change the process environment, which libsystemd reads; they run one at a time.
@Suite(.serialized)
struct SystemdNotifierTests {
    @Test func sendsAllStatesInOneDatagramToTheNotifySocket() throws {
        let socket = try NotifySocket()
        setenv("NOTIFY_SOCKET", socket.path, 1)
        defer { unsetenv("NOTIFY_SOCKET") }

        let notifier = SystemdNotifier()
        #expect(notifier.isSupervised)
        let sent = try notifier.notify(.ready, .status("event channel parked,\n3 queued"))

        #expect(sent)
        #expect(socket.receive() == "READY=1\nSTATUS=event channel parked, 3 queued")
    }

    @Test func withoutAServiceManagerNothingIsSent() throws {
        unsetenv("NOTIFY_SOCKET")
        let notifier = SystemdNotifier()
        #expect(!notifier.isSupervised)
        #expect(try notifier.notify(.stopping) == false)
    }

    @Test func anUnreachableNotifySocketIsAnError() throws {
        setenv("NOTIFY_SOCKET", "/nonexistent/ucwa-bridge/notify.sock", 1)
        defer { unsetenv("NOTIFY_SOCKET") }

        #expect(throws: SystemdError.self) {
            try SystemdNotifier().notify(.watchdog)
        }
    }

    @Test func watchdogIntervalIsHalfOfWhatSystemdAsks() throws {
        setenv("WATCHDOG_USEC", "3000000", 1)
        setenv("WATCHDOG_PID", String(getpid()), 1)
        defer {
            unsetenv("WATCHDOG_USEC")
            unsetenv("WATCHDOG_PID")
        }

        let settings = try #require(try WatchdogSettings.current())
        #expect(settings.timeout == .seconds(3))
        #expect(settings.pingInterval == .milliseconds(1500))
    }

    @Test func aWatchdogMeantForAnotherProcessIsIgnored() throws {
        setenv("WATCHDOG_USEC", "3000000", 1)
        setenv("WATCHDOG_PID", String(getpid() + 1), 1)
        defer {
            unsetenv("WATCHDOG_USEC")
            unsetenv("WATCHDOG_PID")
        }

        #expect(try WatchdogSettings.current() == nil)
    }

    @Test func withoutSocketActivationNoSocketsArePassed() throws {
        unsetenv("LISTEN_FDS")
        unsetenv("LISTEN_PID")
        #expect(try ListeningSockets.passed().fileDescriptors.isEmpty)
    }

    @Test func statusTextCannotInjectAssignments() {
        #expect(NotifyState.status("ok\nREADY=1").assignment == "STATUS=ok READY=1")
        #expect(NotifyState.reloading(monotonicMicroseconds: 42).assignment == "RELOADING=1\nMONOTONIC_USEC=42")
    }
}
