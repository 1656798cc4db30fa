/// The common UCWA error structure: `code`, `subcode`, `message` (protocol notes §6.1).
/// Used for synchronous error bodies and for the `reason` of failed operations.
struct UCWAErrorBody: Sendable, Hashable {
    var code: String
    var subcode: String?
    var message: String

    var json: JSONValue {
        var fields: [(String, JSONValue)] = [("code", .string(code))]
        if let subcode {
            fields.append(("subcode", .string(subcode)))
        }
        fields.append(("message", .string(message)))
        return .object(fields)
    }

    /// `<code>`, `<subcode>` and `<message>` children, in that order.
    func writeXMLChildren(to writer: inout XMLWriter) {
        writer.element("code", text: code)
        if let subcode {
            writer.element("subcode", text: subcode)
        }
        writer.element("message", text: message)
    }
}

extension UCWAErrorBody {
    static let applicationNotFound = UCWAErrorBody(
        code: "NotFound",
        subcode: "ApplicationNotFound",
        message: "An error occurred. Please retry. If the problem persists, contact your support team."
    )

    static let pGetReplaced = UCWAErrorBody(
        code: "Conflict",
        subcode: "PGetReplaced",
        message: "The pending GET was replaced by a newer one."
    )

    static let callbackChannelError = UCWAErrorBody(
        code: "ServiceFailure",
        subcode: "CallbackChannelError",
        message: "The remote event channel is not reachable"
    )

    static func parameterValidation(_ message: String) -> UCWAErrorBody {
        UCWAErrorBody(code: "BadRequest", subcode: "ParameterValidationFailure", message: message)
    }

    static func deserialization(_ message: String) -> UCWAErrorBody {
        UCWAErrorBody(code: "BadRequest", subcode: "DeserializationFailure", message: message)
    }
}
