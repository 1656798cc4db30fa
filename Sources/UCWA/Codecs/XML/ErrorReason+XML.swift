extension ErrorReason: XMLDecodableResource {
    /// Reads `<reason><code/><subcode/><message/><debugInfo/><parameters/></reason>` (ErrorsAndInformationalMessages).
    ///
    /// `debugInfo` and `parameters` become objects of their `<property name="…">` children (or a string for plain
    /// text); empty elements become `nil`.
    init(xml root: XMLElementNode) throws(UCWADecodingError) {
        guard root.name == "reason" else {
            throw UCWADecodingError(
                code: .unexpectedStructure,
                reason: "expected a <reason> root element, found <\(root.name)>",
                source: Self.resourceName
            )
        }
        guard let code = root.child("code")?.text.trimmingWhitespace(), !code.isEmpty else {
            throw UCWADecodingError(
                code: .unexpectedStructure,
                reason: "missing <code> element",
                source: Self.resourceName
            )
        }
        let subcode = root.child("subcode")?.text.trimmingWhitespace()
        self.init(
            code: ErrorCode(code),
            subcode: subcode.flatMap { $0.isEmpty ? nil : ErrorSubcode($0) },
            message: root.child("message")?.text,
            debugInfo: root.child("debugInfo")?.propertyBag,
            parameters: root.child("parameters")?.propertyBag
        )
    }
}

extension XMLElementNode {
    /// `<property name="k">v</property>` children as an object, else non-blank text as a string, else `nil`.
    var propertyBag: JSONValue? {
        let properties = children("property")
        if !properties.isEmpty {
            var members: [String: JSONValue] = [:]
            for property in properties {
                guard let name = property.attributes["name"] else { continue }
                members[name] = .string(property.text)
            }
            return .object(members)
        }
        let text = self.text.trimmingWhitespace()
        return text.isEmpty ? nil : .string(text)
    }
}
