import Foundation
import Testing
import UCWA

@Suite struct ErrorReasonTests {
    @Test func applicationNotFoundBody() throws {
        let reason = try ErrorReason.decode(
            from: Fixtures.applicationNotFound.utf8Data,
            contentType: "application/json; charset=utf-8"
        )
        #expect(reason.code == .notFound)
        #expect(reason.subcode == .applicationNotFound)
        #expect(
            reason.message == "An error occurred. Please retry. If the problem persists, contact your support team."
        )
    }

    @Test func conflictBody() throws {
        let reason = try ErrorReason.decode(json: Fixtures.conflictError.utf8Data)
        #expect(reason.code == .conflict)
        #expect(reason.subcode == .alreadyExists)
        #expect(reason.message == "The requested resource already exists. Please wait and try again.")
    }

    @Test func debugInfoAndParametersAreKept() throws {
        let body = #"""
            {"code":"BadRequest","subcode":"CallbackUriUnreachable",
             "debugInfo":{"errorReportId":"93883c1589e940658549018ba1f9b297"},
             "parameters":[{"name":"subject"}],"link":{"href":"/help"}}
            """#
        let reason = try ErrorReason.decode(json: body.utf8Data)
        #expect(reason.debugInfo?["errorReportId"]?.stringValue == "93883c1589e940658549018ba1f9b297")
        #expect(reason.parameters?.arrayValue?.first?["name"]?.stringValue == "subject")
        #expect(reason.subcode?.rawValue == "CallbackUriUnreachable")
    }

    @Test func missingSubcodeIsTolerated() throws {
        let reason = try ErrorReason.decode(json: #"{"code":"ServiceFailure"}"#.utf8Data)
        #expect(reason.code == .serviceFailure)
        #expect(reason.subcode == nil)
    }

    @Test func unknownCodesAndSubcodesRoundTrip() throws {
        let reason = try ErrorReason.decode(json: #"{"code":"Teapot","subcode":"ShortAndStout"}"#.utf8Data)
        #expect(reason.code.rawValue == "Teapot")
        #expect(reason.subcode?.rawValue == "ShortAndStout")
        let encoded = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(reason)) as? [String: Any]
        #expect(encoded?["code"] as? String == "Teapot")
        #expect(encoded?["subcode"] as? String == "ShortAndStout")
    }

    @Test func documentedSubcodeConstants() throws {
        let expected: [(ErrorSubcode, String)] = [
            (.callbackChannelError, "CallbackChannelError"), (.pGetReplaced, "PGetReplaced"),
            (.applicationNotFound, "ApplicationNotFound"), (.inactiveApplicationExpired, "InactiveApplicationExpired"),
            (.tooManyApplications, "TooManyApplications"), (.userAgentNotAllowed, "UserAgentNotAllowed"),
            (.cannotRedirect, "CannotRedirect"), (.alreadyExists, "AlreadyExists"), (.tooManyGroups, "TooManyGroups"),
            (.literalNone, "None"),
        ]
        for (subcode, rawValue) in expected {
            #expect(subcode.rawValue == rawValue)
            #expect(subcode == ErrorSubcode(rawValue))
        }
        #expect(try ErrorReason.decode(json: #"{"code":"Conflict","subcode":"None"}"#.utf8Data).subcode == .literalNone)
        #expect(ErrorCode.serviceFailure.rawValue == "ServiceFailure")
        #expect(ErrorCode.gone.rawValue == "Gone")
    }
}
