/// Where doses are given: a fixed clinic, a cabin site (方舱, e.g. in a stadium) or a
/// mobile team that roves between communities (流动接种).
public struct VaccinationSite: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case fixed
        case cabin
        case mobile

        public var label: String {
            switch self {
            case .fixed: "固定接种点"
            case .cabin: "方舱接种点"
            case .mobile: "流动接种队"
            }
        }
    }

    public var id: String
    public var name: String
    public var kind: Kind
    /// The community the site is in, or (for a mobile team) its home community.
    public var communityCode: String
    public var address: String
    public var latitude: Double?
    public var longitude: Double?
    /// Opening hours as minutes after local midnight, e.g. 480 for 08:00.
    public var opensAt: Int
    public var closesAt: Int
    public var slotMinutes: Int
    /// People booked per slot at most.
    public var capacityPerSlot: Int

    public init(
        id: String, name: String, kind: Kind, communityCode: String, address: String, latitude: Double? = nil,
        longitude: Double? = nil, opensAt: Int, closesAt: Int, slotMinutes: Int, capacityPerSlot: Int
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.communityCode = communityCode
        self.address = address
        self.latitude = latitude
        self.longitude = longitude
        self.opensAt = opensAt
        self.closesAt = closesAt
        self.slotMinutes = slotMinutes
        self.capacityPerSlot = capacityPerSlot
    }

    /// The start of every slot of a day, in minutes after midnight.
    public var slotStarts: [Int] {
        guard slotMinutes > 0 else { return [] }
        return Array(stride(from: opensAt, through: closesAt - slotMinutes, by: slotMinutes))
    }

    /// Checks the site's own fields.
    public func problem() -> CampaignRefusal? {
        if name.trimmingCharacters(in: .whitespaces).isEmpty || name.count > 100 {
            return .invalid("invalid_name", "接种点名称应为 1 到 100 个字符 (name must be 1–100 characters)")
        }
        guard (0..<1440).contains(opensAt), (1...1440).contains(closesAt), opensAt < closesAt else {
            return .invalid("invalid_hours", "开放时间无效，应为 HH:MM 且开始早于结束 (opening hours must be HH:MM, opening before closing)")
        }
        guard (5...240).contains(slotMinutes), slotMinutes <= closesAt - opensAt else {
            return .invalid("invalid_slot", "时段长度应为 5 到 240 分钟且不超过开放时间 (slot_minutes 5…240, within the hours)")
        }
        guard (1...10_000).contains(capacityPerSlot) else {
            return .invalid("invalid_capacity", "每时段容量应为 1 到 10000 (capacity_per_slot 1…10000)")
        }
        if let latitude, !(-90...90).contains(latitude) { return .invalid("invalid_location", "纬度无效 (latitude out of range)") }
        if let longitude, !(-180...180).contains(longitude) { return .invalid("invalid_location", "经度无效 (longitude out of range)") }
        return nil
    }

    /// `HH:MM` as minutes after midnight (24:00 allowed, as a closing time), or nil.
    public static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let hours = Int(parts[0]), let minutes = Int(parts[1]), (0...24).contains(hours), (0..<60).contains(minutes),
              hours * 60 + minutes <= 1440
        else { return nil }
        return hours * 60 + minutes
    }

    /// Minutes after midnight as `HH:MM`.
    public static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60, rest = minutes % 60
        return (hours < 10 ? "0" : "") + String(hours) + ":" + (rest < 10 ? "0" : "") + String(rest)
    }
}
