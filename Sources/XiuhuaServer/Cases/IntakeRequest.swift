import Foundation
import Xiuhua
import XiuhuaGeo

/// The body of `POST /api/v1/cases`.
public struct IntakeRequest: Decodable, Sendable {
    let source: String
    let category: String
    let description: String
    let lat: Double?
    let lon: Double?
    let crs: String?
    let address: String?
    let photos: [String]?
    let reporterName: String?
    let reporterPhone: String?
    let directAcceptance: Bool?
    let selfHandled: Bool?
    /// Answers to the category's extra questions, already checked (Open311 `attribute[…]`).
    var attributes: [CaseAttribute]?
    /// Open311 allows 4,000 characters; the native API keeps to `maximumDescription`.
    var descriptionLimit = IntakeRequest.maximumDescription

    private enum CodingKeys: String, CodingKey {
        case source, category, description, lat, lon, crs, address, photos
        case reporterName = "reporter_name"
        case reporterPhone = "reporter_phone"
        case directAcceptance = "direct_acceptance"
        case selfHandled = "self_handled"
    }

    static let maximumDescription = 2_000

    /// Checks the request and resolves place and category into a workflow intake
    /// (number and ticket are drawn by the store). Every problem is a 400 naming the field.
    /// `at` is when the report was received (a journaled report is decided after it was
    /// acknowledged); nil is now.
    func intake(services: XiuhuaServices, at date: Date? = nil) throws -> CaseIntake {
        guard let channel = CaseSource(rawValue: source) else {
            throw APIError.badRequest("invalid_source", "来源 source 应为 hotline、patrol、web 或 api (got \(source))")
        }
        guard let category = services.catalog.resolve(code: category.trimmingWhitespace) else {
            throw APIError.badRequest("unknown_category", "没有这个事项分类 (unknown category): \(category) — see GET /api/v1/categories")
        }
        let text = description.trimmingWhitespace
        guard !text.isEmpty else {
            throw APIError.badRequest("missing_field", "请描述问题 (description is required)")
        }
        guard text.count <= descriptionLimit else {
            throw APIError.badRequest("too_long", "问题描述不能超过 \(descriptionLimit) 字 (description too long)")
        }
        // Every channel comes through here (API, report form, Open311, the journal).
        let texts = [("address", address), ("reporter_name", reporterName), ("reporter_phone", reporterPhone)]
        for case let (field, value?) in texts {
            if let refusal = TextLimits.refusal(field, value) { throw refusal }
        }
        for photo in photos ?? [] {
            if let refusal = TextLimits.refusal("photos", photo) { throw refusal }
        }
        guard lat != nil, lon != nil else {
            throw APIError.badRequest("missing_coordinates", "需要 lat 和 lon 参数 (lat and lon are required)")
        }
        let point = try LocateRoutes.coordinate(lat: lat, lon: lon, crs: crs)
        guard let tree = services.regions else {
            throw APIError.badRequest("no_district", "尚未导入辖区，无法定位 (no district imported)")
        }
        guard let gridCode = services.gridIndex.locate(point) else {
            throw APIError.badRequest("outside_district", "该位置不在\(tree.district.name)辖区内 (the point lies outside the district)")
        }
        let community = tree.ancestor(of: gridCode, at: .community)
        let street = tree.ancestor(of: gridCode, at: .street)
        if let phone = reporterPhone, !phone.isEmpty, !Self.isPhoneNumber(phone) {
            throw APIError.badRequest("invalid_phone", "电话号码格式不对 (not a phone number): \(phone)")
        }
        let place = [street?.name, community?.name].compactMap { $0 }.joined()
        let location = CaseLocation(
            latitude: point.lat, longitude: point.lon,
            address: address?.trimmingWhitespace.nilIfEmpty ?? place,
            gridCode: gridCode, communityCode: community?.code, streetCode: street?.code
        )
        let routed = services.routing.rules.route(category: category, location: location, at: date ?? services.now(), timeZone: services.calendar.timeZone)
        return CaseIntake(
            number: "pending",
            ticketCode: "pending",
            source: channel,
            categoryCode: category.code,
            urgency: category.urgency,
            disposalLimit: category.disposalLimit,
            suggestedOwner: routed.owner,
            subCommandCode: routed.subCommandCode,
            location: location,
            description: text,
            photos: photos ?? [],
            reporterName: reporterName?.trimmingWhitespace.nilIfEmpty,
            reporterPhone: reporterPhone?.nilIfEmpty,
            directAcceptance: directAcceptance ?? false,
            selfHandled: selfHandled ?? false,
            attributes: attributes.flatMap { $0.isEmpty ? nil : $0 }
        )
    }

    /// A request built by another channel (Open311) rather than decoded from JSON.
    init(
        source: CaseSource, category: String, description: String, lat: Double?, lon: Double?, crs: String?,
        address: String?, photos: [String], reporterName: String?, reporterPhone: String?,
        attributes: [CaseAttribute], descriptionLimit: Int
    ) {
        self.source = source.rawValue
        self.category = category
        self.description = description
        self.lat = lat
        self.lon = lon
        self.crs = crs
        self.address = address
        self.photos = photos
        self.reporterName = reporterName
        self.reporterPhone = reporterPhone
        self.directAcceptance = nil
        self.selfHandled = nil
        self.attributes = attributes
        self.descriptionLimit = descriptionLimit
    }

    /// Mainland mobile and landline forms: digits with an optional + and dashes, 5–20 long.
    static func isPhoneNumber(_ text: String) -> Bool {
        let digits = text.filter(\.isNumber)
        return (5...20).contains(digits.count) && text.allSatisfy { $0.isNumber || $0 == "-" || $0 == "+" || $0 == " " }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
