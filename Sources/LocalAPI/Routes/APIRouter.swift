import Hummingbird

/// Builds the Hummingbird router from ``APIRoute``: one handler per route, each reading the ``APIServiceGate`` when
/// it is called (so the routes work before the gate opens, and from the services once it has).
enum APIRouter {
    static func make(gate: APIServiceGate, limits: LiveSubmissionLimits, shutdown: ShutdownSignal)
        -> Router<APIRequestContext>
    {
        let router = Router(context: APIRequestContext.self)
        let messages = MessageRoutes(gate: gate, limits: limits, shutdown: shutdown)
        let status = StatusRoutes(gate: gate)
        for route in APIRoute.allCases {
            let path = RouterPath(route.path)
            switch route {
            case .submitMessage: router.on(path, method: route.httpMethod, use: messages.submit)
            case .getMessage: router.on(path, method: route.httpMethod, use: messages.get)
            case .listMessages: router.on(path, method: route.httpMethod, use: messages.list)
            case .cancelMessage: router.on(path, method: route.httpMethod, use: messages.cancel)
            case .health: router.on(path, method: route.httpMethod, use: status.health)
            case .conversationLogs: router.on(path, method: route.httpMethod, use: status.conversationLogs)
            case .metrics: router.on(path, method: route.httpMethod, use: status.metrics)
            }
        }
        return router
    }
}
