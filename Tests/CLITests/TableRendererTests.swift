import Testing

@testable import ucwa_bridge

@Suite struct TableRendererTests {
    @Test func alignsColumnsToTheWidestCell() {
        let table = TableRenderer(headers: ["ID", "STATE", "HREF"])
        let text = table.render([
            ["a", "delivered", "/x"],
            ["longer-id", "failed", "/y/z"],
        ])
        #expect(
            text == """
                ID         STATE      HREF
                a          delivered  /x
                longer-id  failed     /y/z
                """
        )
    }

    @Test func rightAlignsWhereAskedAndLeavesNoTrailingSpaces() {
        let table = TableRenderer(alignments: [.left, .right, .left])
        let text = table.render([["a", "5", ""], ["bb", "123", "x"]])
        #expect(text == "a     5\nbb  123  x")
        #expect(!text.split(separator: "\n").contains { $0.hasSuffix(" ") })
    }

    @Test func padsShortRows() {
        let text = TableRenderer(headers: ["A", "B", "C"]).render([["1"]])
        #expect(text == "A  B  C\n1")
    }

    @Test func showsAbsentAndEmptyValuesAsADash() {
        #expect(TableRenderer.cell(nil) == "-")
        #expect(TableRenderer.cell("") == "-")
        #expect(TableRenderer.cell("x") == "x")
    }

    @Test func rendersNothingWithoutColumns() {
        #expect(TableRenderer().render([]) == "")
    }
}
