import Foundation
import TestSupport
import Testing

@testable import UCWA

/// ``UCWAOrigin/resolve(_:)`` reads plain relative hrefs without `URLComponents`; whatever it answers must be what
/// `URLComponents` answers: the same parts, or the same error.
@Suite struct UCWAOriginParityTests {
    let origin: UCWAOrigin

    init() throws {
        origin = try UCWAOrigin("https://fe1.contoso.com/ucwa/v1/applications")
    }

    @Test(arguments: [
        "/ucwa/oauth/v1/applications/103/communication/conversationLogs/AAYA-1_2",
        "/ucwa/v1/applications/103/events?ack=12&priority=1&timeout=180",
        "/", "/a/", "/a//b", "/a?", "/a?b?c", "/a?x=/y&z=.", "/a?..", "/a:b", "/a@b", "/a;b=c,d", "/(x)!$'*+",
        "/~user", "/a/./b", "/a/../b", "/..", "/.", "/a/.", "/.../x", "/a.b/c.d", "/a%2e%2E/b", "/a/%2e%2e",
        "/a#frag", "/a?x#frag", "//fe1.contoso.com/x", "//other.example.com/x", "/a b", "/a\"b", "/a<b>", "/a[b]",
        "/a{b}", "/a|b", "/a^b", "/a`b", "/a\\b", "/é", "/a\u{7f}", "a/b", "https://fe1.contoso.com/x?y",
    ])
    func resolvesAsURLComponentsDoes(_ href: String) {
        #expect(outcome(origin.resolve, href) == outcome(origin.resolveParsingComponents, href), "\(href)")
    }

    /// Random hrefs of a leading `/` and characters that stand for themselves, with a few that do not.
    @Test func randomPlainHrefsResolveAsURLComponentsDo() {
        var generator = SeededGenerator(seed: 17)
        let alphabet = Array("abcXYZ019-._~!$&'()*+,;=:@/?./..%# ")
        for _ in 0..<2000 {
            let length = Int.random(in: 0..<24, using: &generator)
            let href = "/" + String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(outcome(origin.resolve, href) == outcome(origin.resolveParsingComponents, href), "\(href)")
        }
    }

    private enum Outcome: Equatable {
        case resolved(ResolvedHref)
        case refused(HrefError.Code)
    }

    private func outcome(_ resolve: (String) throws(HrefError) -> ResolvedHref, _ href: String) -> Outcome {
        do {
            return .resolved(try resolve(href))
        } catch {
            return .refused(error.code)
        }
    }
}
