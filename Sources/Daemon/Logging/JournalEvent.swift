import Systemd

/// The key events of a request's life and of the UCWA session, as log sites name them and as the journal marks
/// them: a log call whose metadata has `"event": "<raw value>"` is sent with field `EVENT=<raw value>` and this
/// event's fixed `MESSAGE_ID`, which `deploy/ucwa-bridge.catalog` explains and `journalctl MESSAGE_ID=...` finds.
///
/// The ids never change: they are the contract with the catalog and with anyone's saved journal queries.
public enum JournalEvent: String, Sendable, CaseIterable {
    case requestAccepted = "request-accepted"
    case requestDelivered = "request-delivered"
    case requestFailed = "request-failed"
    case requestRetryScheduled = "request-retry-scheduled"
    case requestExpired = "request-expired"
    case requestCancelled = "request-cancelled"
    case eventChannelLost = "event-channel-lost"
    case eventChannelRestored = "event-channel-restored"
    case applicationRecreated = "application-recreated"
    case foreignOwnerDetected = "foreign-owner-detected"

    /// The metadata key that names the event at a log site.
    public static let metadataKey = "event"

    /// The event's `MESSAGE_ID`.
    public var messageID: JournalMessageID {
        // The literals are valid ids (JournalEventTests checks every one against the catalog's).
        JournalMessageID(hexDigits)!
    }

    /// Every event name with its `MESSAGE_ID`: the table ``JournalLogHandler`` is given.
    public static let messageIDs: [String: JournalMessageID] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.messageID) }
    )

    private var hexDigits: String {
        switch self {
        case .requestAccepted: "9015060f66514d03a17988926798880c"
        case .requestDelivered: "8ca3ec01606c4980b51a04688fd0d98f"
        case .requestFailed: "571187a12e3c431aabb3d9df03c1e68c"
        case .requestRetryScheduled: "6bf5f918b32f4fc8a87a12669b9cd415"
        case .requestExpired: "6f2c4f765645497b887ec00c2b676342"
        case .requestCancelled: "f698d2361cd043749307857d3e722787"
        case .eventChannelLost: "1b750153cb7c484f862e71cc6fc580b0"
        case .eventChannelRestored: "9541635445814ba8bab0873fe922a32b"
        case .applicationRecreated: "8e3487ba3dd44b2eb5172299da294f33"
        case .foreignOwnerDetected: "28f76928c09347c99d06c4e12bff4524"
        }
    }
}
