/// Lays out rows of text as aligned columns, two spaces apart, for people to read. Cells are
/// padded to the widest cell of their column; the last column is not padded, and no line ends
/// in spaces.
struct TableRenderer: Sendable {
    /// Where a cell sits in its column.
    enum Alignment: Sendable {
        case left
        case right
    }

    /// What an absent value is shown as.
    static let absent = "-"

    /// The first line, when the table has one.
    var headers: [String]?
    /// Each column's alignment; columns without one are left-aligned.
    var alignments: [Alignment] = []

    /// The table as lines joined by newlines, without a final newline. Short rows are padded with
    /// empty cells.
    func render(_ rows: [[String]]) -> String {
        let allRows = (headers.map { [$0] } ?? []) + rows
        let columnCount = allRows.map(\.count).max() ?? 0
        guard columnCount > 0 else { return "" }
        var widths = Array(repeating: 0, count: columnCount)
        for row in allRows {
            for (column, cell) in row.enumerated() {
                widths[column] = max(widths[column], cell.count)
            }
        }
        let lines = allRows.map { row in
            (0..<columnCount).map { column in
                let cell = column < row.count ? row[column] : ""
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                let alignment = column < alignments.count ? alignments[column] : .left
                switch alignment {
                case .left: return column == columnCount - 1 ? cell : cell + padding
                case .right: return padding + cell
                }
            }
            .joined(separator: "  ")
        }
        return lines.map(Self.trimmingTrailingSpaces).joined(separator: "\n")
    }

    /// A cell for an optional text: the text, or `-` when it is absent or empty.
    static func cell(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return absent }
        return text
    }

    private static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = Substring(line)
        while line.last == " " {
            line.removeLast()
        }
        return String(line)
    }
}
