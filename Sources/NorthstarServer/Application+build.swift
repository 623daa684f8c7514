public import Hummingbird
public import Logging
public import NorthstarStore

/// The dashboard and API over `store`: every route, its middleware, and the server's address.
///
/// The store stays open as long as the application runs; the caller closes it afterwards.
public func buildApplication(
    store: any Store,
    configuration: ServerConfiguration = ServerConfiguration(),
    logger: Logger = Logger(label: "northstar.server")
) -> Application<RouterResponder<NorthstarRequestContext>> {
    let router = buildRouter(store: store, configuration: configuration)
    return Application(
        responder: router.buildResponder(),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
        logger: logger
    )
}

/// The router alone (routes and middleware), for ``buildApplication(store:configuration:logger:)`` and tests.
func buildRouter(store: any Store, configuration: ServerConfiguration) -> Router<NorthstarRequestContext> {
    let router = Router(context: NorthstarRequestContext.self)
    let metrics = ServerMetrics()
    let reports = ReportCache(
        store: store,
        refreshInterval: configuration.reportRefreshInterval,
        now: configuration.now,
        waitBudget: configuration.reportWaitBudget,
        metrics: metrics
    )
    router.add(middleware: RequestObservation(metrics: metrics))
    router.add(middleware: ErrorMapping())
    router.add(middleware: AuthenticationMiddleware(store: store, configuration: configuration))
    router.add(middleware: CSRFMiddleware(maximumMultipartBytes: configuration.maximumUploadBytes))
    SessionController(
        store: store,
        configuration: configuration,
        limiter: LoginRateLimiter(
            store: store,
            limit: configuration.loginAttemptLimit,
            window: configuration.loginWindow
        )
    ).addRoutes(to: router)
    DashboardController(reports: reports).addRoutes(to: router)
    CharterController(store: store, now: configuration.now).addRoutes(to: router)
    CharterAPIController(store: store, now: configuration.now).addRoutes(to: router)
    AdminController(store: store, configuration: configuration).addRoutes(to: router)
    APIController(store: store, reports: reports).addRoutes(to: router)
    OperationsController(store: store, metrics: metrics).addRoutes(to: router)
    ImportController(store: store, jobs: ImportJobs(), configuration: configuration).addRoutes(to: router)
    IngestController(store: store, configuration: configuration, metrics: metrics).addRoutes(to: router)
    ScorecardController(reports: reports).addRoutes(to: router)
    let planning = PlanningCache(store: store, reports: reports)
    StaffingController(planning: planning).addRoutes(to: router)
    ExploreController(planning: planning).addRoutes(to: router)
    return router
}
