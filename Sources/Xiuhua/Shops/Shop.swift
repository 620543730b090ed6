import Foundation
import XiuhuaGeo

/// A responsible party (责任主体) in the shop registry: a shop, stall or unit whose
/// frontage carries 门前五包 duties, and which inspections and notices are addressed to.
public struct Shop: Hashable, Sendable {
    public let id: String
    public var details: ShopDetails
    /// Found from the position, never typed in.
    public var place: ShopPlace
    public let createdAt: Date
    public var updatedAt: Date

    public init(id: String, details: ShopDetails, place: ShopPlace, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.details = details
        self.place = place
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// What a person enters about a shop, checked.
public struct ShopDetails: Hashable, Sendable {
    public var name: String
    public var creditCode: SocialCreditCode
    /// A permit number beside the business licence (食品经营许可证 …), when there is one.
    public var licence: String?
    /// The legal representative or keeper (负责人): personal data.
    public var ownerName: String
    /// The contact phone: personal data.
    public var phone: String
    public var address: String
    /// WGS-84.
    public var position: Coordinate
    public var frontage: Frontage?

    public init(
        name: String, creditCode: SocialCreditCode, licence: String?, ownerName: String, phone: String,
        address: String, position: Coordinate, frontage: Frontage?
    ) {
        self.name = name
        self.creditCode = creditCode
        self.licence = licence
        self.ownerName = ownerName
        self.phone = phone
        self.address = address
        self.position = position
        self.frontage = frontage
    }
}

/// Where a shop lies in the region tree: the grid cell containing its position, and that
/// cell's community and street.
public struct ShopPlace: Hashable, Sendable, Codable {
    public let gridCode: String
    public let communityCode: String
    public let streetCode: String

    public init(gridCode: String, communityCode: String, streetCode: String) {
        self.gridCode = gridCode
        self.communityCode = communityCode
        self.streetCode = streetCode
    }
}
