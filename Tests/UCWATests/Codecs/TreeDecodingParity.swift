import Foundation

@testable import UCWA

/// The two ways a resource with a tree decoder can be read, for tests that hold them against each other.
enum TreeDecodingParity {
    /// Through ``JSONValueParser`` and the resource's ``JSONTreeDecodableResource`` initializer, without fallback.
    static func throughTree<Resource: JSONTreeDecodableResource>(_: Resource.Type, _ text: String) throws -> Resource {
        try Resource(json: JSONValueParser.parse(Data(text.utf8)))
    }

    /// Through `JSONDecoder` and the resource's `Decodable` conformance.
    static func throughDecodable<Resource: Decodable>(_: Resource.Type, _ text: String) throws -> Resource {
        try JSONDecoder().decode(Resource.self, from: Data(text.utf8))
    }
}
