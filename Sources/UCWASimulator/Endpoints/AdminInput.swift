import Foundation

/// A JSON object sent to the admin API, with typed accessors that explain what is wrong.
struct AdminInput {
    struct Invalid: Error {
        var reason: String
    }

    private let fields: [String: Any]

    init(_ request: SimulatorRequest) throws(Invalid) {
        if request.body.isEmpty {
            fields = [:]
            return
        }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any] else {
            throw Invalid(reason: "the body must be a JSON object")
        }
        fields = object
    }

    private init(fields: [String: Any]) {
        self.fields = fields
    }

    func string(_ name: String) throws(Invalid) -> String {
        guard let value = fields[name] as? String else { throw Invalid(reason: "\(name) must be a string") }
        return value
    }

    func number(_ name: String) throws(Invalid) -> Double? {
        guard let value = fields[name] else { return nil }
        guard let number = value as? NSNumber else { throw Invalid(reason: "\(name) must be a number") }
        return number.doubleValue
    }

    func bool(_ name: String) throws(Invalid) -> Bool? {
        guard let value = fields[name] else { return nil }
        guard let flag = value as? Bool else { throw Invalid(reason: "\(name) must be true or false") }
        return flag
    }

    func object(_ name: String) throws(Invalid) -> AdminInput? {
        guard let value = fields[name] else { return nil }
        guard let object = value as? [String: Any] else { throw Invalid(reason: "\(name) must be an object") }
        return AdminInput(fields: object)
    }

    func objects(_ name: String) throws(Invalid) -> [AdminInput] {
        guard let value = fields[name] else { return [] }
        guard let array = value as? [[String: Any]] else {
            throw Invalid(reason: "\(name) must be an array of objects")
        }
        return array.map { AdminInput(fields: $0) }
    }

    /// A value of a string enumeration, by its raw value.
    func named<T: RawRepresentable & CaseIterable>(_ name: String) throws(Invalid) -> T where T.RawValue == String {
        guard let value: T = try optionalNamed(name) else {
            throw Invalid(reason: "\(name) is required; one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    func optionalNamed<T: RawRepresentable & CaseIterable>(_ name: String) throws(Invalid) -> T?
    where T.RawValue == String {
        guard let raw = fields[name] else { return nil }
        guard let text = raw as? String, let value = T(rawValue: text) else {
            throw Invalid(reason: "\(name) must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }
}
