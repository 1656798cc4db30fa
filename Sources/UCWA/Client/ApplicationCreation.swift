/// What `POST applications` did: the daemon treats in-flight requests differently after a new application.
public enum ApplicationCreation: String, Hashable, Sendable {
    /// 201: a new application; the server knows nothing of earlier operations.
    case created
    /// 200: the application for this `endpointId` already existed and is reused, with its event channel.
    case reused
}
