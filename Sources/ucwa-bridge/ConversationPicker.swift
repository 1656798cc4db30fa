import Foundation
import LocalAPIModels

/// Chooses conversation logs by participant, for `send --with` and `conversations --with`.
enum ConversationPicker {
    /// The logs that have `participant` among their recipients, newest first: by `creationTime`,
    /// logs without one after those with one, and the API's order (newest first) among equals.
    static func logs(
        in logs: [ConversationLogView],
        with participant: SIPAddress
    ) -> [ConversationLogView] {
        let matching = logs.enumerated().filter { _, log in
            log.recipients.contains { recipient in
                recipient.sipUri.flatMap(SIPAddress.init) == participant
            }
        }
        let sorted = matching.sorted { first, second in
            switch (first.element.creationTime, second.element.creationTime) {
            case let (firstTime?, secondTime?) where firstTime != secondTime:
                return firstTime > secondTime
            case (.some, nil):
                return true
            case (nil, .some):
                return false
            default:
                return first.offset < second.offset
            }
        }
        return sorted.map(\.element)
    }

    /// The newest log that has `participant` among its recipients, `nil` when none has.
    static func newest(in logs: [ConversationLogView], with participant: SIPAddress) -> ConversationLogView? {
        self.logs(in: logs, with: participant).first
    }

    /// The newest log with `participant`, or the error `send --with` reports when there is none.
    static func require(in logs: [ConversationLogView], with participant: SIPAddress) throws -> ConversationLogView {
        guard let log = newest(in: logs, with: participant) else {
            throw CLIError(
                "no conversation log has \(participant) among its participants "
                    + "(\(logs.count) logs searched; see `ucwa-bridge conversations`)",
                exitStatus: .refused
            )
        }
        return log
    }
}
