/// How long a summoned department has to check in (报到) on site, by kind of whistle.
/// Counted on the wall clock: a whistle is answered day or night.
public struct WhistleLimits: Hashable, Sendable, Codable {
    public var checkIn: [WhistleKind: TimeLimit]

    public init(checkIn: [WhistleKind: TimeLimit]) {
        self.checkIn = checkIn
    }

    /// 30 minutes for an emergency, as in the Pinggu origin of 吹哨报到; two hours for joint
    /// enforcement; a day for a residents' demand.
    public static let standard = WhistleLimits(checkIn: [.emergency: .minutes(30), .enforcement: .hours(2), .publicDemand: .hours(24)])

    /// The check-in limit of `kind` (the emergency limit when not configured).
    public func limit(for kind: WhistleKind) -> TimeLimit {
        checkIn[kind] ?? .minutes(30)
    }
}
