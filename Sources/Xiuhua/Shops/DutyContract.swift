import Foundation

/// A 门前五包 responsibility contract (责任书) between the street's side (street office,
/// community, enforcement squad) and a shop: the area it covers, the five duties with their
/// check items, how long it holds, and who signed it when.
public struct DutyContract: Hashable, Sendable, Codable {
    /// One of the five duties with the check items it binds the shop to.
    public struct Duty: Hashable, Sendable, Codable {
        public let name: String
        public let items: [String]
    }

    /// 甲方: the street office, the community and the enforcement squad.
    public struct Issuer: Hashable, Sendable, Codable {
        public let street: String
        public let community: String
        public let squad: String

        public init(street: String, community: String, squad: String) {
            self.street = street
            self.community = community
            self.squad = squad
        }
    }

    public struct Signing: Hashable, Sendable, Codable {
        public let signedOn: LocalDate
        /// 甲方 and 乙方 signatories.
        public let issuerSignatory: String
        public let shopSignatory: String
    }

    /// Drawn by the store: MQWB-2026-0001.
    public let number: String
    public let shopID: String
    public let issuer: Issuer
    /// The responsibility area in words: "门前至路缘石，东西各至相邻店铺分界线".
    public let area: String
    /// Frontage length and depth in metres.
    public let lengthMetres: Double
    public let depthMetres: Double
    public let duties: [Duty]
    public let validFrom: LocalDate
    public let validUntil: LocalDate
    public var signing: Signing?
    /// The contract this one renews, if any.
    public let renews: String?
    public let createdAt: Date

    public init(
        number: String, shopID: String, issuer: Issuer, area: String, lengthMetres: Double, depthMetres: Double,
        duties: [Duty], validFrom: LocalDate, validUntil: LocalDate, signing: Signing? = nil, renews: String? = nil, createdAt: Date
    ) {
        self.number = number
        self.shopID = shopID
        self.issuer = issuer
        self.area = area
        self.lengthMetres = lengthMetres
        self.depthMetres = depthMetres
        self.duties = duties
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.signing = signing
        self.renews = renews
        self.createdAt = createdAt
    }

    /// The five duties and their items as the 门前五包 checklist has them, so that what a
    /// shop signs is what it is inspected against.
    public static let standardDuties: [Duty] = ChecklistTemplate.shopFrontage.sections.map { section in
        Duty(name: section.name, items: ChecklistTemplate.shopFrontage.items.filter { $0.sectionCode == section.code }.map(\.text))
    }

    /// Where a contract stands on `date`; `expiring` within `warningDays` of its last day.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case unsigned, pending, active, expiring, expired
    }

    public static let warningDays = 30

    public func status(on date: LocalDate) -> Status {
        guard signing != nil else { return .unsigned }
        if date < validFrom { return .pending }
        if validUntil < date { return .expired }
        return validUntil < date.adding(days: Self.warningDays) ? .expiring : .active
    }

    public enum Problem: Error, Hashable, Sendable {
        case missing(String)
        case tooLong(String)
        case invalidMeasure(String)
        case periodBackwards
        case periodTooLong
        case alreadySigned
        case signedOutsideCreation

        public var message: String {
            switch self {
            case .missing(let field): "缺少 \(field) (\(field) is required)"
            case .tooLong(let field): "\(field) 过长 (\(field) is too long)"
            case .invalidMeasure(let field): "\(field) 应为 0–1000 米 (\(field) must be 0–1000 metres)"
            case .periodBackwards: "有效期截止日应晚于起始日 (valid_until must be after valid_from)"
            case .periodTooLong: "有效期最长 5 年 (a contract holds for at most 5 years)"
            case .alreadySigned: "责任书已签订 (the contract is already signed)"
            case .signedOutsideCreation: "签订日期不能早于责任书起草日期 (signed_on cannot precede the draft)"
            }
        }
    }

    /// Checks the terms of a new contract.
    public static func checkTerms(issuer: Issuer, area: String, lengthMetres: Double, depthMetres: Double, validFrom: LocalDate, validUntil: LocalDate) throws(Problem) {
        for (value, field) in [(issuer.street, "issuer.street"), (issuer.community, "issuer.community"), (issuer.squad, "issuer.squad"), (area, "area")] {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { throw .missing(field) }
            if trimmed.count > 200 { throw .tooLong(field) }
        }
        for (value, field) in [(lengthMetres, "length_metres"), (depthMetres, "depth_metres")] where !(value.isFinite && value > 0 && value <= 1000) {
            throw .invalidMeasure(field)
        }
        guard validFrom < validUntil else { throw .periodBackwards }
        guard validUntil <= validFrom.adding(days: 5 * 366) else { throw .periodTooLong }
    }

    /// Records the signing; a contract is signed once.
    public mutating func sign(on date: LocalDate, issuerSignatory: String, shopSignatory: String, draftedOn: LocalDate) throws(Problem) {
        guard signing == nil else { throw .alreadySigned }
        let a = issuerSignatory.trimmingCharacters(in: .whitespacesAndNewlines)
        let b = shopSignatory.trimmingCharacters(in: .whitespacesAndNewlines)
        if a.isEmpty { throw .missing("issuer_signatory") }
        if b.isEmpty { throw .missing("shop_signatory") }
        if a.count > 50 { throw .tooLong("issuer_signatory") }
        if b.count > 50 { throw .tooLong("shop_signatory") }
        guard draftedOn <= date else { throw .signedOutsideCreation }
        signing = Signing(signedOn: date, issuerSignatory: a, shopSignatory: b)
    }
}
