/// What one delivered request measured.
struct DeliverySample: Sendable {
    /// From the moment the client started the request until it saw it delivered.
    var observed: Duration
    /// The daemon's own `updatedAt − createdAt` of the delivered request (accepted → delivered, millisecond
    /// resolution); `nil` for the direct client, which has no such record.
    var acceptedToDelivered: Duration? = nil
    /// Local API calls the request took (the POST and the long polls); 0 for the direct client.
    var localAPICalls: Int
    /// continueMessaging POSTs the request took (more than one after `CallbackChannelError`).
    var attempts: Int
    /// The daemon's id of the request; `nil` for the direct client.
    var id: String? = nil
}
