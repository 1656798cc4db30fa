import Foundation

/// Adds the P-GET parameters to an events href with a URL builder, never by string concatenation: the server's
/// query (its `ack` above all) is kept byte for byte, earlier values of our own parameters are replaced.
enum EventsURLBuilder {
    /// `href` with `parameters` set; `href` unchanged when it cannot be parsed (the request will then fail and
    /// be reported like any other).
    static func url(for href: String, parameters: EventChannelParameters) -> String {
        guard var components = URLComponents(string: href) else { return href }
        let ours = Set(parameters.queryItems.map(\.name))
        var items = (components.percentEncodedQueryItems ?? []).filter { !ours.contains($0.name.lowercased()) }
        items += parameters.queryItems.map { URLQueryItem(name: $0.name, value: $0.value) }
        components.percentEncodedQueryItems = items
        return components.string ?? href
    }
}
