import Foundation
import LocalAPIModels

extension ConversationLogView {
    /// Whether a recipient has `sipURI` (case-insensitive, with or without `sip:`).
    func includes(sipURI: String) -> Bool {
        let wanted = Self.normalized(sipURI)
        return recipients.contains { $0.sipUri.map(Self.normalized) == wanted }
    }

    private static func normalized(_ uri: String) -> String {
        let lowered = uri.trimmingCharacters(in: .whitespaces).lowercased()
        return lowered.hasPrefix("sip:") ? String(lowered.dropFirst(4)) : lowered
    }
}
