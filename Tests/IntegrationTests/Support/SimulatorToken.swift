import AsyncHTTPClient
import Foundation
import NIOCore

extension SimulatorProcess {
    /// A bearer token (`cwt=...`) the simulator issues for its user on the password grant
    /// (`POST /WebTicket/oauthtoken`), as a daemon configured with `ucwa.tokenFile` would be given one.
    func issueToken(password: String = SimulatorProcess.password) async throws -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let fields = [("grant_type", "password"), ("username", SimulatorProcess.username), ("password", password)]
        let body = fields.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)"
        }.joined(separator: "&")
        var request = HTTPClientRequest(url: "\(origin)/WebTicket/oauthtoken")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        struct Answer: Decodable {
            var accessToken: String
            enum CodingKeys: String, CodingKey { case accessToken = "access_token" }
        }
        guard response.status.code == 200,
            let answer = try? JSONDecoder().decode(Answer.self, from: Data(bytes.readableBytesView))
        else {
            throw IntegrationError(
                "the simulator's token endpoint answered \(response.status.code): \(String(buffer: bytes))"
            )
        }
        return answer.accessToken
    }
}
