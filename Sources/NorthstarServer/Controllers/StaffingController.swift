import Foundation
import Hummingbird
import NorthstarCore
import NorthstarStore

/// The staffing page (managers and admins): `northstar staff plan` over the stored contacts under the approved
/// charter, and `staff what-if` through the GET parameters of its form: `promise` with `within` and/or `share`
/// (or the statistic's bound in `within`), `handle_time` (`email=8m, chat=5m`) and `hourly_cost`.
struct StaffingController {
    let planning: PlanningCache

    static let roles: Set<Role> = [.admin, .manager]

    func addRoutes(to router: Router<NorthstarRequestContext>) {
        router.get("/staffing", use: staffing)
    }

    /// What the form asked, as typed (shown back in the form).
    struct Query: Sendable {
        var promise = ""
        var within = ""
        var share = ""
        var handleTime = ""
        var hourlyCost = ""

        init(_ parameters: [String: String]) {
            promise = parameters["promise"] ?? ""
            within = parameters["within"] ?? ""
            share = parameters["share"] ?? ""
            handleTime = parameters["handle_time"] ?? ""
            hourlyCost = parameters["hourly_cost"] ?? ""
        }

        /// Whether a what-if target was asked for.
        var changesTarget: Bool {
            !promise.isEmpty
                && !(within.trimmingCharacters(in: .whitespaces).isEmpty
                    && share.trimmingCharacters(in: .whitespaces).isEmpty)
        }
    }

    @Sendable func staffing(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.roles)
        var parameters: [String: String] = [:]
        for (name, value) in request.uri.queryParameters where parameters[String(name)] == nil {
            parameters[String(name)] = String(value).replacingOccurrences(of: "+", with: " ")
        }
        let query = Query(parameters)
        var errors: [String] = []
        var settings = StaffingPlan.Settings()
        do { try Self.apply(query, to: &settings) } catch { errors.append(error.message) }
        if !errors.isEmpty { settings = StaffingPlan.Settings() }
        let (base, charter) = try await planning.plan(settings: settings)
        var changed: Result<StaffingPlan, StaffingError>?
        if errors.isEmpty, query.changesTarget {
            do {
                let target = try Self.target(query, charter: charter)
                changed = try await planning.plan(settings: settings, targets: [query.promise: target]).0
            } catch let error as ServerError {
                errors.append(error.message)
            }
        }
        let page = StaffingView.render(
            base: base,
            changed: changed,
            query: query,
            errors: errors,
            charter: charter,
            settings: settings,
            identity: identity
        )
        return Layout.html(page, status: errors.isEmpty ? .ok : .badRequest)
    }

    // MARK: Reading the form

    /// The handle times and hourly cost of the form.
    static func apply(_ query: Query, to settings: inout StaffingPlan.Settings) throws(ServerError) {
        for entry in query.handleTime.split(separator: ",") {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ServerError(code: .badRequest, message: "Handle time: write channel=duration, such as email=8m.")
            }
            let seconds = try duration(parts[1], field: "Handle time for \(parts[0])")
            settings.handleTimes[parts[0].lowercased()] = Double(seconds.seconds)
        }
        let cost = query.hourlyCost.trimmingCharacters(in: .whitespaces)
        if !cost.isEmpty {
            guard let value = Double(cost), value.isFinite, value >= 0 else {
                throw ServerError(code: .badRequest, message: "The hourly cost must be a number of zero or more.")
            }
            settings.hourlyCost = value
        }
    }

    /// The what-if target: the promise's target with `within` (its time limit, or its statistic's bound)
    /// and/or `share` replaced, as `staff what-if --set` does.
    static func target(_ query: Query, charter: Charter) throws(ServerError) -> PromiseTarget {
        guard let promise = charter.promises.first(where: { $0.id == query.promise }) else {
            throw ServerError(code: .badRequest, message: "The charter has no promise with that id.")
        }
        let within = query.within.trimmingCharacters(in: .whitespaces)
        let share = query.share.trimmingCharacters(in: .whitespaces)
        switch promise.target {
        case .attainment(let limit, let current):
            var fraction = current.fraction
            if !share.isEmpty {
                let text = share.hasSuffix("%") ? String(share.dropLast()) : share
                guard let value = Double(text), value.isFinite else {
                    throw ServerError(code: .badRequest, message: "The share must be a percentage such as 90%.")
                }
                fraction = share.hasSuffix("%") || value > 1 ? value / 100 : value
                guard fraction > 0, fraction < 1 else {
                    throw ServerError(code: .badRequest, message: "The share must be above 0% and below 100%.")
                }
            }
            let newLimit = try within.isEmpty ? limit : duration(within, field: "Within")
            return .attainment(within: newLimit, share: Share(fraction: fraction))
        case .statistic(let statistic, let limit):
            guard share.isEmpty else {
                throw ServerError(
                    code: .badRequest,
                    message: "\(promise.id)'s target is a \(statistic) with no share; change its time with Within."
                )
            }
            return .statistic(statistic, try within.isEmpty ? limit : duration(within, field: "Within"))
        case .atLeast, .atMost:
            throw ServerError(
                code: .badRequest,
                message: "\(promise.id) is not a time target, so staffing does not plan it."
            )
        }
    }

    /// A positive duration such as `20s`, `4h` or `1h30m`.
    static func duration(_ text: String, field: String) throws(ServerError) -> CharterDuration {
        guard let duration = CharterDuration(parsing: text.lowercased()), duration.seconds > 0 else {
            throw ServerError(code: .badRequest, message: "\(field): write a duration such as 20s, 8m or 1h30m.")
        }
        return duration
    }
}
