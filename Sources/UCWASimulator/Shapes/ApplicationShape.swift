/// The application resource as `POST applications` and `GET application` return it
/// (protocol notes §2.1), with relative hrefs.
enum ApplicationShape {
    static func json(_ application: SimulatedApplication, user: SimulatedUser) -> JSONValue {
        let base = application.path
        let communication = base + "/communication"
        let me: JSONValue = .object([
            ("name", .string(user.displayName)),
            ("uri", .string(user.sipURI)),
            (
                "_links",
                .object([
                    ("self", .link(base + "/me")),
                    ("makeMeAvailable", .link(base + "/me/makeMeAvailable")),
                ])
            ),
            ("rel", .string("me")),
        ])
        let communicationResource: JSONValue = .object([
            ("4d221db7-4af0-476b-9443-8bc874283085", .string("please pass this in a PUT request")),
            ("conversationHistory", .string("Enabled")),
            ("supportedModalities", .array([])),
            ("supportedMessageFormats", .array([.string("Plain")])),
            (
                "_links",
                .object([
                    ("self", .link(communication)),
                    ("conversations", .link(communication + "/conversations?filter=active")),
                    ("conversationLogs", .link(communication + "/conversationLogs")),
                    ("startMessaging", .link(communication + "/messagingInvitations")),
                    ("startOnlineMeeting", .link(communication + "/onlineMeetingInvitations?onlineMeetingUri=adhoc")),
                    ("joinOnlineMeeting", .link(communication + "/onlineMeetingInvitations")),
                ])
            ),
            ("rel", .string("communication")),
            ("etag", .string("3140562359")),
        ])
        return .object([
            ("culture", .string(application.culture)),
            ("userAgent", .string(application.userAgent)),
            ("type", .string("Browser")),
            ("endpointId", .string(application.endpointId)),
            ("id", .string(application.id)),
            (
                "_links",
                .object([
                    ("self", .link(base)),
                    ("policies", .link(base + "/policies")),
                    ("batch", .link(base + "/batch")),
                    ("events", .link(application.channel.currentHref)),
                ])
            ),
            (
                "_embedded",
                .object([
                    ("me", me),
                    (
                        "people",
                        .object([("_links", .object([("self", .link(base + "/people"))])), ("rel", .string("people"))])
                    ),
                    (
                        "onlineMeetings",
                        .object([
                            ("_links", .object([("self", .link(base + "/onlineMeetings"))])),
                            ("rel", .string("onlineMeetings")),
                        ])
                    ),
                    ("communication", communicationResource),
                ])
            ),
            ("rel", .string("application")),
        ])
    }
}
