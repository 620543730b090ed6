import Foundation
import Xiuhua
import XiuhuaStore

/// The routing rules in force. An admin replaces them through the API while the server
/// runs, so they live behind a lock rather than in the immutable services.
public final class RoutingBook: @unchecked Sendable {
    /// The key under which the store keeps the rules' text.
    static let metaKey = "routing_rules"
    private let lock = NSLock()
    private var current = RoutingRules()

    public init() {}

    public var rules: RoutingRules {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func replace(_ rules: RoutingRules) {
        lock.lock()
        current = rules
        lock.unlock()
    }

    /// Loads the stored rules (none when never saved).
    func load(from store: Store) async throws {
        guard let text = try await store.meta(Self.metaKey) else { return }
        replace(try RoutingRules(parsing: text))
    }

    /// Checks `rules` against the district (every named department and street exists),
    /// stores them and puts them in force.
    public func save(_ rules: RoutingRules, services: XiuhuaServices) async throws {
        for (index, rule) in rules.rules.enumerated() {
            guard case .owner(let owner) = rule.target else { continue }
            let known = switch owner.kind {
            case .department: services.organisation.department(owner.code) != nil
            case .street: services.regions?[owner.code]?.level == .street
            }
            guard known else {
                throw RoutingRulesError(line: index + 1, problem: "没有这个责任单位 (no such owner): \(owner.label)")
            }
        }
        try await services.store.setMeta(Self.metaKey, rules.text)
        replace(rules)
    }
}
