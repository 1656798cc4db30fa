import Hummingbird

/// Builds the Hummingbird router from ``APIRoute``: one handler per route.
enum APIRouter {
    static func make(services: APIServices, configuration: APIConfiguration, shutdown: ShutdownSignal)
        -> Router<APIRequestContext>
    {
        let router = Router(context: APIRequestContext.self)
        let messages = MessageRoutes(
            queue: services.queue,
            metrics: services.metrics,
            rules: configuration.submission,
            maximumBodyBytes: configuration.maximumBodyBytes,
            maximumWait: configuration.maximumWait,
            shutdown: shutdown,
            now: services.now
        )
        let status = StatusRoutes(services: services)
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
