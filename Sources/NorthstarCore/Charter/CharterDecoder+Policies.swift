import Foundation
import Yams

extension CharterDecoder {
    static let policyKeys = ["where", "firstResponse", "resolution"]

    /// Reads an `sla` promise's `policies`: a list of `{where, firstResponse, resolution}`, first match wins.
    func decodePolicies(_ node: Node, path: String) -> [SLAPolicy]? {
        guard
            let items = context.sequence(
                node,
                path,
                expected: "a list of policies such as `[{where: {priority: urgent}, firstResponse: 1h}]`"
            )
        else { return nil }
        if items.isEmpty {
            context.error(
                "missing-value",
                at: node,
                path,
                "the list of SLA policies is empty.",
                fix: "Add at least one policy, e.g. `{firstResponse: 8h, resolution: 3d}`."
            )
            return nil
        }
        var policies: [SLAPolicy] = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard
                let entries = context.mapping(
                    item,
                    itemPath,
                    expected: "a policy such as `{where: {priority: urgent}, firstResponse: 1h, resolution: 8h}`"
                )
            else { continue }
            context.checkKeys(entries, allowed: Self.policyKeys, itemPath)
            var policy = SLAPolicy()
            if let whereNode = entries.value("where"),
                let filters = context.mapping(
                    whereNode,
                    "\(itemPath).where",
                    expected: "filters such as `{priority: urgent}`"
                )
            {
                let allowed = Dimension.allCases.map(\.rawValue)
                policy.population = decodeFilters(filters, path: "\(itemPath).where", allowed: allowed) ?? Population()
            }
            policy.firstResponse = entries.value("firstResponse").flatMap {
                policyTime($0, "\(itemPath).firstResponse")
            }
            policy.resolution = entries.value("resolution").flatMap { policyTime($0, "\(itemPath).resolution") }
            if entries.value("firstResponse") == nil && entries.value("resolution") == nil {
                context.error(
                    "missing-key",
                    at: item,
                    itemPath,
                    "the policy has no target.",
                    fix: "Add `firstResponse`, `resolution` or both, e.g. `{firstResponse: 1h, resolution: 8h}`."
                )
            }
            policies.append(policy)
        }
        return policies
    }

    /// A policy's time target: a duration above zero.
    private func policyTime(_ node: Node, _ path: String) -> CharterDuration? {
        guard let text = context.string(node, path, expected: "a duration such as 1h or 3d") else { return nil }
        guard let duration = CharterDuration(parsing: text) else {
            context.error(
                "invalid-duration",
                at: node,
                path,
                "`\(text)` is not a duration.",
                fix: "Write a duration such as 30m, 8h or 3d (largest unit first)."
            )
            return nil
        }
        guard duration.seconds > 0 else {
            context.error(
                "out-of-range",
                at: node,
                path,
                "a target of 0 can never be achieved.",
                fix: "Use a positive duration such as 1h."
            )
            return nil
        }
        return duration
    }
}
