import Foundation

extension MessageView {
    /// The view as ``APIJSON/encoder()`` encodes it, byte for byte, written without `JSONEncoder`: the API answers
    /// every `POST` and `GET` of a message with one, and the encoder's generic machinery cost more than the rest of
    /// writing the answer.
    public func jsonBytes() -> [UInt8] {
        var json = JSONBytes(capacity: 512 + 160 * attempts.count)
        json.openObject()
        json.key("attempts")
        json.openArray()
        for attempt in attempts {
            attempt.write(to: &json)
        }
        json.closeArray()
        json.key("contentType")
        json.string(contentType)
        json.key("conversationLog")
        json.string(conversationLog)
        json.key("createdAt")
        json.string(APIJSON.format(createdAt))
        json.key("deadline")
        json.string(APIJSON.format(deadline))
        json.key("failure")
        if let failure {
            failure.write(to: &json)
        } else {
            json.null()
        }
        json.key("id")
        json.string(id)
        json.key("idempotencyKey")
        json.string(idempotencyKey)
        json.key("invitation")
        json.string(invitation)
        json.key("nextAttemptAt")
        json.string(nextAttemptAt.map(APIJSON.format))
        json.key("operationId")
        json.string(operationId)
        json.key("state")
        json.string(state.rawValue)
        json.key("updatedAt")
        json.string(APIJSON.format(updatedAt))
        json.closeObject()
        return json.bytes
    }
}

extension AttemptView {
    fileprivate func write(to json: inout JSONBytes) {
        json.openObject()
        json.key("code")
        json.string(code)
        json.key("httpStatus")
        json.integer(httpStatus)
        json.key("operationId")
        json.string(operationId)
        json.key("startedAt")
        json.string(APIJSON.format(startedAt))
        json.key("subcode")
        json.string(subcode)
        json.closeObject()
    }
}

extension FailureView {
    fileprivate func write(to json: inout JSONBytes) {
        json.openObject()
        json.key("code")
        json.string(code)
        json.key("message")
        json.string(message)
        json.key("subcode")
        json.string(subcode)
        json.closeObject()
    }
}
