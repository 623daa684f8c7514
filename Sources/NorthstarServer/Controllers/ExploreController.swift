import Foundation
import Hummingbird
import NorthstarCore
import NorthstarStore

/// The explore page (managers and admins): what `northstar explore` shows, over the stored contacts, to draft
/// or revise promises from: volumes, how fast the team answers and resolves today, the source system's SLA
/// misses, when contacts arrive, the biggest categories, and the promises the team already keeps.
struct ExploreController {
    let planning: PlanningCache

    static let roles: Set<Role> = [.admin, .manager]

    func addRoutes(to router: Router<NorthstarRequestContext>) {
        router.get("/explore", use: explore)
    }

    @Sendable func explore(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.roles)
        let (report, entry) = try await planning.explore()
        return Layout.html(ExploreView.render(report, charter: entry.charter, identity: identity))
    }
}
