import Foundation
import LocalAPI
import Testing

/// `docs/openapi.yaml` and the server describe the same API.
struct OpenAPITests {
    /// The document, found from this file's place in the repository.
    static func document() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
    }

    /// `METHOD /path` for every operation under `paths:` (keys indented by two spaces, methods by four).
    static func documentedRoutes(_ yaml: String) -> Set<String> {
        let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options", "trace"]
        var routes: Set<String> = []
        var inPaths = false
        var path: String?
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" "), !line.isEmpty {
                inPaths = line == "paths:"
                continue
            }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":"), let path {
                let key = line.trimmingCharacters(in: .whitespaces).dropLast()
                if methods.contains(String(key)) {
                    routes.insert("\(key.uppercased()) \(path)")
                }
            }
        }
        return routes
    }

    /// The items of `components.schemas.ErrorCode.enum`.
    static func documentedErrorCodes(_ yaml: String) -> Set<String> {
        var codes: Set<String> = []
        var inErrorCode = false
        for line in yaml.split(separator: "\n") {
            if line == "    ErrorCode:" {
                inErrorCode = true
            } else if inErrorCode, line.hasPrefix("        - ") {
                codes.insert(String(line.dropFirst("        - ".count)))
            } else if inErrorCode, line.hasPrefix("    "), !line.hasPrefix("     ") {
                inErrorCode = false
            }
        }
        return codes
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteServed() throws {
        let documented = Self.documentedRoutes(try Self.document())
        let table = Set(APIRoute.allCases.map { "\($0.method) \($0.path)" })
        #expect(documented.count == 7)
        #expect(table.subtracting(documented).isEmpty, "not documented: \(table.subtracting(documented))")
        #expect(documented.subtracting(table).isEmpty, "not served: \(documented.subtracting(table))")
    }

    @Test func theRouterServesExactlyTheTable() async throws {
        try await APIFixture.run { api in
            let table = APIRoute.allCases.map { "\($0.method) \($0.path)" }.sorted()
            #expect(api.server.routes == table)
            let documented = Self.documentedRoutes(try Self.document())
            #expect(documented == Set(api.server.routes))
        }
    }

    @Test func everyErrorCodeIsDocumented() throws {
        let documented = Self.documentedErrorCodes(try Self.document())
        #expect(documented == Set(APIError.Code.allCases.map(\.rawValue)))
    }

    @Test func everyOperationIDIsARouteName() throws {
        let yaml = try Self.document()
        let operationIDs = Set(
            yaml.split(separator: "\n").filter { $0.hasPrefix("      operationId: ") }
                .map { String($0.dropFirst("      operationId: ".count)) }
        )
        #expect(operationIDs == Set(APIRoute.allCases.map(\.rawValue)))
    }
}
