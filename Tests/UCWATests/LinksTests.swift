import Foundation
import Testing
import UCWA

@Suite struct LinksTests {
    @Test func singleObjectsArraysAndPlaceholders() throws {
        let json = #"""
            {"self":{"href":"/a"},"many":[{"href":"/m1","title":"One"},{"href":"/m2"}],"one":[{"href":"/o"}],
             "...":{},"broken":"x","nohref":{"title":"t"}}
            """#
        let links = try JSONDecoder().decode(Links.self, from: json.utf8Data)
        #expect(links.rels == ["many", "one", "self"])
        #expect(links.selfLink == Link(rel: "self", href: "/a"))
        #expect(links.all("many") == [Link(rel: "many", href: "/m1", title: "One"), Link(rel: "many", href: "/m2")])
        #expect(links["one"]?.href == "/o")
        #expect(links["absent"] == nil)
        #expect(links.all("absent").isEmpty)
    }

    @Test func roundTrip() throws {
        let links = Links([
            Link(rel: "self", href: "/a"), Link(rel: "conversationLog", href: "/1"),
            Link(rel: "conversationLog", href: "/2", title: "two"),
        ])
        #expect(try JSONDecoder().decode(Links.self, from: try JSONEncoder().encode(links)) == links)
    }

    @Test func jsonValueRoundTrip() throws {
        let json = #"{"a":[1,2.5,true,null,"s",{"b":false}],"c":{}}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: json.utf8Data)
        #expect(value["a"]?.arrayValue?.count == 6)
        #expect(value["a"]?.arrayValue?[2] == .bool(true))
        #expect(value["a"]?.arrayValue?[0] == .number(1))
        #expect(value["a"]?.arrayValue?[3] == .null)
        #expect(value["c"] == .object([:]))
        #expect(try JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(value)) == value)
    }
}
