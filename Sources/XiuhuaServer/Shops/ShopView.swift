import Foundation
import Xiuhua
import XiuhuaGeo

/// A shop as the API shows it. The keeper's name and phone are masked for roles that do
/// not need them (张*, 138****1234).
struct ShopView: Codable, Sendable {
    struct Place: Codable, Sendable {
        let gridCode: String
        let communityCode: String
        let communityName: String?
        let streetCode: String
        let streetName: String?
    }

    let id: String
    let name: String
    let creditCode: String
    let licence: String?
    let ownerName: String
    let phone: String
    /// True when `owner_name` and `phone` are masked for the reader.
    let masked: Bool
    let address: String
    let lat: Double
    let lon: Double
    let frontage: JSONValue?
    let place: Place
    let createdAt: Date
    let updatedAt: Date

    init(_ shop: Shop, for role: Role, regions: RegionTree?) {
        let details = shop.details
        let reveal = role.seesShopOwnerContact
        id = shop.id
        name = details.name
        creditCode = details.creditCode.text
        licence = details.licence
        ownerName = reveal ? details.ownerName : NameMask.mask(details.ownerName)
        phone = reveal ? details.phone : PhoneMask.mask(details.phone)
        masked = !reveal
        address = details.address
        lat = details.position.lat
        lon = details.position.lon
        frontage = details.frontage?.geoJSON
        place = Place(
            gridCode: shop.place.gridCode,
            communityCode: shop.place.communityCode,
            communityName: regions?[shop.place.communityCode]?.name,
            streetCode: shop.place.streetCode,
            streetName: regions?[shop.place.streetCode]?.name
        )
        createdAt = shop.createdAt
        updatedAt = shop.updatedAt
    }
}

struct ShopList: Codable, Sendable {
    let items: [ShopView]
    let total: Int
}
