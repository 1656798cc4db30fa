/// Every JSON and XML example of /work/shared/ucwa-protocol.md sections 1 to 6, verbatim unless a comment says
/// otherwise. Raw string literals keep the documents' backslashes (`\/Date(…)\/`) exactly.
enum Fixtures {
    /// §1.2 root response.
    static let rootResponse = #"""
        {
          "_links": {
            "self":   {"href": "https://lyncweb.contoso.com/Autodiscover/AutodiscoverService.svc/root?originalDomain=contoso.com"},
            "user":   {"href": "https://lyncweb.contoso.com/Autodiscover/AutodiscoverService.svc/root/oauth/user?originalDomain=contoso.com"},
            "xframe": {"href": "https://lyncweb.contoso.com/Autodiscover/XFrame/XFrame.html"}
          }
        }
        """#

    /// §1.2 `user` resource after authentication.
    static let userResource = #"""
        {
          "_links": {
            "self":         {"href": "https://lyncweb.contoso.com/Autodiscover/AutodiscoverService.svc/root/user"},
            "applications": {"href": "https://lyncweb.contoso.com/ucwa/oauth/v1/applications"},
            "xframe":       {"href": "https://lyncweb.contoso.com/Autodiscover/XFrame/XFrame.html"}
          }
        }
        """#

    /// §1.4 first token response (the token value's "..." is inside a string and kept).
    static let tokenResponseShort = #"""
        { "access_token":"cwt=2YotnFZFEjr1zCsicMWpAA...", "token_type":"Bearer", "expires_in":3600 }
        """#

    /// §1.4 second token response.
    static let tokenResponseWithScope = #"""
        { "access_token":"cwt=AAEB...buHc", "expires_in":28289, "ms_rtc_identityscope":"local", "token_type":"Bearer" }
        """#

    /// §2.1 `201 Created` application body. Its `"...":{}` placeholders are valid JSON and kept.
    static let applicationCreated = #"""
        {
          "culture":"en-US",
          "userAgent":"UCWA Samples",
          "_links":{
            "self":{"href":"/ucwa/oauth/v1/applications/105"},
            "policies":{"href":"/ucwa/oauth/v1/applications/105/policies"},
            "batch":{"href":"/ucwa/oauth/v1/applications/105/batch"},
            "events":{"href":"/ucwa/oauth/v1/applications/105/events?ack=1"}
          },
          "_embedded":{
            "me":{"name":"Lene Aaling","uri":"sip:lenea@contoso.com",
                  "_links":{"self":{"href":"/ucwa/oauth/v1/applications/105/me"},
                            "makeMeAvailable":{"href":"/ucwa/oauth/v1/applications/105/me/makeMeAvailable"}, "...":{}},
                  "rel":"me"},
            "people":{"_links":{"self":{"href":"/ucwa/oauth/v1/applications/105/people"}, "...":{}},"rel":"people"},
            "onlineMeetings":{"_links":{"self":{"href":"/ucwa/oauth/v1/applications/105/onlineMeetings"}, "...":{}},"rel":"onlineMeetings"},
            "communication":{
              "4d221db7-4af0-476b-9443-8bc874283085":"please pass this in a PUT request",
              "supportedModalities":[],
              "supportedMessageFormats":["Plain"],
              "_links":{
                "self":{"href":"/ucwa/oauth/v1/applications/105/communication"},
                "conversations":{"href":"/ucwa/oauth/v1/applications/105/communication/conversations?filter=active"},
                "startMessaging":{"href":"/ucwa/oauth/v1/applications/105/communication/messagingInvitations"},
                "startOnlineMeeting":{"href":"/ucwa/oauth/v1/applications/105/communication/onlineMeetingInvitations?onlineMeetingUri=adhoc"},
                "joinOnlineMeeting":{"href":"/ucwa/oauth/v1/applications/105/communication/onlineMeetingInvitations"}
              },
              "rel":"communication","etag":"3140562359"}
          },
          "rel":"application"
        }
        """#

    /// §2.4 real 404 body.
    static let applicationNotFound = #"""
        {"code":"NotFound","subcode":"ApplicationNotFound","message":"An error occurred. Please retry. If the problem persists, contact your support team."}
        """#

    /// §3.2 empty events response with only `self` and `next`.
    static let emptyEventsResponse = #"""
        {"_links":{"self":{"href":"/ucwa/oauth/v1/applications/102/events?ack=7"},
                   "next":{"href":"/ucwa/oauth/v1/applications/102/events?ack=8"}}}
        """#

    /// §3.4 events response (SendAnIM step 4); `.../` hrefs and `"...":{}` are valid JSON and kept.
    static let eventsResponse = #"""
        {
         "_links":{
          "self":{"href":"/ucwa/oauth/v1/applications/102/events?ack=2"},
          "next":{"href":"/ucwa/oauth/v1/applications/102/events?ack=3"}
         },
         "sender":[
          {"rel":"communication","href":"/ucwa/oauth/v1/applications/102/communication",
           "events":[
            {"link":{"rel":"messagingInvitation","href":"/ucwa/oauth/v1/applications/102/communication/messagingInvitations/60c"},
             "_embedded":{"messagingInvitation":{
                "direction":"Outgoing","importance":"Normal",
                "threadId":"0c7e9e90916041099ffd46075944f433","state":"Connecting",
                "operationId":"5028e824-2268-4b14-9e59-1abad65ff393","subject":"Task Sample",
                "_links":{
                  "self":{"href":"/ucwa/oauth/v1/applications/102/communication/messagingInvitations/60c"},
                  "from":{"href":"/ucwa/oauth/v1/applications/102/communication/conversations/21a1/participants/toshm@contoso.com","title":"Tosh Meston"},
                  "to":{"href":"/ucwa/oauth/v1/applications/102/people/lenea@contoso.com"},
                  "cancel":{"href":"/ucwa/oauth/v1/applications/102/communication/conversations/21a1/messaging/terminate"},
                  "conversation":{"href":"/ucwa/oauth/v1/applications/102/communication/conversations/21a1"},
                  "messaging":{"href":"/ucwa/oauth/v1/applications/102/communication/conversations/21a1/messaging"}},
                "rel":"messagingInvitation"}},
             "type":"started"},
            {"link":{"rel":"conversation","href":"/ucwa/oauth/v1/applications/102/communication/conversations/21a1"},
             "_embedded":{"conversation":{"state":"Connecting","threadId":"0c7e9e90916041099ffd46075944f433","subject":"Task Sample",
                "activeModalities":[],"importance":"Normal","recording":false,"_links":{"...":{}},"rel":"conversation"}},
             "type":"added"}
           ]},
          {"rel":"conversation","href":"/ucwa/oauth/v1/applications/102/communication/conversations/21a1",
           "events":[
            {"link":{"rel":"participantMessaging","href":".../conversations/21a1/participants/lenea@contoso.com/messaging"},
             "in":{"rel":"participant","href":".../conversations/21a1/participants/lenea@contoso.com","title":""},
             "type":"added"},
            {"link":{"rel":"messaging","href":".../conversations/21a1/messaging"},
             "_embedded":{"messaging":{"state":"Connecting","_links":{"...":{}},"rel":"messaging"}},
             "type":"updated"}
           ]}
         ]
        }
        """#

    /// §3.5 XML events response.
    static let eventsXML = #"""
        <?xml version="1.0" encoding="utf-8"?>
        <events href="/ucwa/oauth/v1/applications/102/events?ack=1" xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">
         <link rel="next" href="/ucwa/oauth/v1/applications/102/events?ack=2" />
         <sender rel="communication" href="/ucwa/oauth/v1/applications/102/communication">
          <updated rel="communication" href="/ucwa/oauth/v1/applications/102/communication">
           <resource rel="communication" href="/ucwa/oauth/v1/applications/102/communication">
            <link rel="conversations" href="/ucwa/oauth/v1/applications/102/communication/conversations?filter=active" />
            <property name="56de7bbf-1081-43e6-bbf2-1cabf3224c83">please pass this in a PUT request</property>
            <propertyList name="supportedModalities"><item>Messaging</item></propertyList>
            <property name="etag">2943169141</property>
           </resource>
          </updated>
         </sender>
         <sender rel="me" href="/ucwa/oauth/v1/applications/102/me">
          <updated rel="me" href="/ucwa/oauth/v1/applications/102/me" />
          <added rel="presence" href="/ucwa/oauth/v1/applications/102/me/presence" />
         </sender>
        </events>
        """#

    /// §4.2 onlineMeetingInvitation events response; `sip:…` is inside a string and kept.
    static let onlineMeetingInvitationEvents = #"""
        {"_links":{"next":{"href":"/ucwa/v1/applications/23/events?ack=2"},"self":{"href":"/ucwa/v1/applications/23/events?ack=1"}},
         "sender":[{"events":[{"_embedded":{"onlineMeetingInvitation":{
              "_links":{"conversation":{"href":"/ucwa/v1/applications/23/communication/conversations/c1"},
                        "from":{"href":"/ucwa/v1/applications/23/communication/conversations/c1/participants/user@contoso.com","title":""},
                        "self":{"href":"/ucwa/v1/applications/23/communication/onlineMeetingInvitations/i1"}},
              "direction":"Outgoing","importance":"Normal","onlineMeetingUri":"sip:…","operationId":"123",
              "rel":"onlineMeetingInvitation","state":"Connecting"}},
            "link":{"href":"/ucwa/v1/applications/23/communication/onlineMeetingInvitations/i1","rel":"onlineMeetingInvitation"},
            "type":"started"}],
          "href":"/ucwa/v1/applications/23/communication","rel":"communication"}]}
        """#

    /// §4.3 `completed` event with `status: Success` and `acceptedByParticipant` (one event object).
    static let completedSuccessEvent = #"""
        {"link":{"rel":"messagingInvitation","href":"/ucwa/oauth/v1/applications/102/communication/messagingInvitations/60c"},
         "status":"Success",
         "_embedded":{"messagingInvitation":{
            "direction":"Outgoing","importance":"Normal","threadId":"0c7e9e90916041099ffd46075944f433",
            "state":"Connected","operationId":"5028e824-2268-4b14-9e59-1abad65ff393","subject":"Task Sample",
            "_links":{"self":{"href":"…/messagingInvitations/60c"},
                      "from":{"href":"…/conversations/21a1/participants/toshm@contoso.com","title":"Tosh Meston"},
                      "to":{"href":"…/people/lenea@contoso.com"},
                      "conversation":{"href":"…/conversations/21a1"},
                      "messaging":{"href":"…/conversations/21a1/messaging"}},
            "_embedded":{"acceptedByParticipant":[{"sourceNetwork":"SameEnterprise","anonymous":false,"name":"",
               "uri":"sip:lenea@contoso.com","_links":{"self":{"href":"…/participants/lenea@contoso.com"},"...":{}},"rel":"participant"}]},
            "rel":"messagingInvitation"}},
         "type":"completed"}
        """#

    /// §4.3 `completed` event with `status: Failure` from KEN#36; `"...":"..."` is valid JSON and kept.
    static let completedFailureEvent = #"""
        {"link":{"rel":"participantInvitation","href":"/ucwa/oauth/v1/applications/asdf/communication/participantInvitations/..."},
         "status":"Failure",
         "_embedded":{"participantInvitation":{"direction":"Outgoing","importance":"Normal","state":"Failed","...":"...","rel":"participantInvitation"}},
         "reason":{"code":"RemoteFailure","subcode":"Declined","message":"Your invitation was declined."},
         "type":"completed"}
        """#

    /// §5.1 conversationLogs collection.
    static let conversationLogs = #"""
        {"rel":"conversationLogs",
         "_links":{"self":{"href":"/ucwa/v1/applications/192/communication/conversationLogs"},
                   "conversationLog":[{"href":"/ucwa/v1/applications/192/communication/conversationLogs/conversationLog"}]}}
        """#

    /// §5.2 conversationLog resource.
    static let conversationLog = #"""
        {"rel":"conversationLog",
         "creationTime":"\/Date(1474932024587)\/",
         "direction":"Incoming","importance":"Normal",
         "modalities":["Messaging","Audio","Video","ApplicationSharing"],
         "onlineMeetingUri":"samplevalue","previewMessage":"samplevalue",
         "status":"Archived","subject":"Conversation with xxx.",
         "threadId":"534e445ee854436a8abe02c24985f78a","totalRecipientsCount":91,"type":"AudioLog",
         "_links":{
           "self":{"href":"/ucwa/v1/applications/192/communication/conversationLogs/conversationLog"},
           "continueAudio":{"href":".../conversationLog/continueAudio"},
           "continueAudioVideo":{"href":".../conversationLog/continueAudioVideo"},
           "continueMessaging":{"href":".../conversationLog/continueMessaging"},
           "continuePhoneAudio":{"href":".../conversationLog/continuePhoneAudio"},
           "continueVideo":{"href":".../conversationLog/continueVideo"},
           "conversationLogTranscripts":{"href":".../conversationLog/conversationLogTranscripts"},
           "markAsRead":{"href":".../conversationLog/markAsRead"}},
         "_embedded":{"conversationLogRecipient":[{"rel":"conversationLogRecipient","displayName":"samplevalue","sipUri":"samplevalue",
           "_links":{"self":{"href":".../conversationLogRecipient"},"contact":{"href":"/ucwa/v1/applications/192/people/282"},
                     "contactPhoto":{"href":"..."},"contactPresence":{"href":"..."}}}]}}
        """#

    /// §5.5 `message` completed event (one event object).
    static let messageCompletedEvent = #"""
        {"link":{"rel":"message","href":"/ucwa/oauth/v1/applications/102/communication/conversations/21a1/messaging/messages/2"},
         "status":"Success",
         "_embedded":{"message":{"direction":"Outgoing","timeStamp":"\/Date(1364327898968)\/",
            "_links":{"self":{"href":"…/messaging/messages/2"},"messaging":{"href":"…/conversations/21a1/messaging"}},"rel":"message"}},
         "type":"completed"}
        """#

    /// §6.1 JSON error body.
    static let conflictError = #"""
        { "code": "Conflict", "subcode": "AlreadyExists", "message": "The requested resource already exists. Please wait and try again." }
        """#

    /// §6.1 XML error body.
    static let conflictErrorXML = #"""
        <?xml version="1.0" encoding="utf-8"?>
        <reason xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa">
         <code>Conflict</code>
         <subcode>AlreadyExists</subcode>
         <message>The requested resource already exists. Please wait and try again.</message>
         <debugInfo />
         <parameters />
        </reason>
        """#

    /// §1.2 redirect response: only the body is kept; the status line and header lines before it are dropped.
    static let redirectResponse = #"""
        { "_links": { "redirect": { "href": "https://contoso.com/Autodiscover/AutodiscoverService.svc/root" } } }
        """#

    /// §1.4 400 token error: only the body is kept.
    static let tokenError = #"""
        { "error":"unsupported_grant_type" }
        """#

    /// §1.3 the two `WWW-Authenticate` header values of the 401, as separate headers.
    static let bearerChallenge = #"""
        Bearer trusted_issuers="00000002-0000-0ff1-ce00-000000000000@contoso.com", client_id="00000004-0000-0ff1-ce00-000000000000"
        """#
    static let msRtcOAuthChallenge = #"""
        MsRtcOAuth href="https://lyncweb.contoso.com/WebTicket/oauthtoken",grant_type="urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password"
        """#

    /// §1.3 both challenges in one header value (LYNC-UCWA1); the doc's `…` in the Bearer values are kept.
    static let combinedChallenge = #"""
        Bearer trusted_issuers="…", client_id="…",MsRtcOAuth href="https://lyncweb.contoso.com/WebTicket/oauthtoken",grant_type="…"
        """#

    /// §1.3 the unquoted-href form; the doc's `"..."` grant type list is kept as written.
    static let unquotedHrefChallenge = #"""
        MsRtcOAuth href=https://contoso.com/WebTicket/oauthtoken,grant_type="..."
        """#

    /// §5.3 the documented `continueMessaging` JSON request body.
    static let continueMessagingRequest = #"""
        {
          "operationId" : "74cb7404e0a247d5a2d4eb0376a47dbf",
          "_links" : { "message" : { "href" : "data:text/plain;base64,somebase64encodedmessage" } }
        }
        """#

    /// §5.4 the incoming invitation message data: URI (ReceiveAnIM).
    static let incomingMessageURI = "data:text/plain;charset=utf-8,Hi+Tosh%0d%0a"
}
