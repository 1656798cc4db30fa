/// The version prefix of every route of the local API except `/metrics`.
public enum APIVersion {
    /// The path prefix, `/v1`.
    public static let pathPrefix = "/v1"
}
