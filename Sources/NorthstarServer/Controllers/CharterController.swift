import Foundation
import Hummingbird
import NorthstarCore
import NorthstarStore

/// The charter page (managers and admins): the words, their lint scorecard, the promises, the versions in the
/// store with their sign-offs, and the next review, marked when it is due.
struct CharterController {
    let store: any Store
    let now: @Sendable () -> Date

    static let roles: Set<Role> = [.admin, .manager]

    func addRoutes(to router: Router<NorthstarRequestContext>) {
        router.get("/charter", use: charter)
    }

    @Sendable func charter(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.roles)
        let versions = try await store.charterVersions()
        guard let current = versions.last(where: { $0.status == .approved }) else {
            throw ServerError(
                code: .noCharter,
                message: "No approved charter in the store yet: publish one with "
                    + "`northstar charter publish charter.yaml --database …`."
            )
        }
        let charter = try CharterLoader.load(
            bytes: Array(current.yaml.utf8),
            file: "charter version \(current.number)",
            today: nil
        ).charter
        var signOffs: [CharterSignOff] = []
        for version in versions { signOffs += try await store.signOffs(charterVersion: version.number) }
        let seconds = Int64(now().timeIntervalSince1970)
        let today = LocalDate.containing(Timestamp(seconds: seconds), timeZoneIdentifier: charter.timeZoneIdentifier)
        let lint = WordingLinter(today: today).lint(charter)
        return Layout.html(
            CharterView.render(
                charter,
                lint: lint,
                current: current,
                versions: versions,
                signOffs: signOffs,
                today: today,
                identity: identity
            )
        )
    }
}
