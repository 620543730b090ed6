import Foundation
import XiuhuaGeo

/// A shop as it arrives, from a form, the API or a CSV row: every field may be missing or
/// wrong. `checked(locate:)` reports every mistake at once, so a CSV row's report is complete.
public struct ShopInput: Hashable, Sendable {
    public var name: String?
    public var creditCode: String?
    public var licence: String?
    public var ownerName: String?
    public var phone: String?
    public var address: String?
    public var position: Coordinate?
    public var frontage: Frontage?
    /// Mistakes found while reading the raw text (a latitude that is not a number …).
    public var readErrors: [ShopFieldError]

    public init(
        name: String? = nil, creditCode: String? = nil, licence: String? = nil, ownerName: String? = nil,
        phone: String? = nil, address: String? = nil, position: Coordinate? = nil, frontage: Frontage? = nil,
        readErrors: [ShopFieldError] = []
    ) {
        self.name = name
        self.creditCode = creditCode
        self.licence = licence
        self.ownerName = ownerName
        self.phone = phone
        self.address = address
        self.position = position
        self.frontage = frontage
        self.readErrors = readErrors
    }

    /// The checked details and their place, or every field error. `locate` finds the grid
    /// cell, community and street of a point, nil outside the district.
    public func checked(locate: (Coordinate) -> ShopPlace?) -> Result<(details: ShopDetails, place: ShopPlace), ShopInputError> {
        var errors = readErrors
        func text(_ value: String?, _ field: String, _ label: String, max: Int, required: Bool = true) -> String? {
            let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if trimmed.isEmpty {
                if required {
                    errors.append(ShopFieldError(field: field, code: "missing_\(field)", message: "缺少\(label) (\(field) is required)"))
                }
                return nil
            }
            guard trimmed.count <= max else {
                errors.append(ShopFieldError(field: field, code: "invalid_\(field)", message: "\(label)最多 \(max) 个字符 (\(field) is at most \(max) characters)"))
                return nil
            }
            return trimmed
        }
        let name = text(self.name, "name", "名称", max: 100)
        let licence = text(self.licence, "licence", "许可证号", max: 50, required: false)
        let ownerName = text(self.ownerName, "owner_name", "负责人", max: 50)
        let phone = text(self.phone, "phone", "联系电话", max: 20)
        if let phone, !Self.isPhone(phone) {
            errors.append(ShopFieldError(field: "phone", code: "invalid_phone", message: "联系电话应为 7–20 位数字，可含 + 和 - (phone must be 7–20 digits, + and - allowed): \(phone)"))
        }
        let address = text(self.address, "address", "地址", max: 200)
        var code: SocialCreditCode?
        if let raw = text(creditCode, "credit_code", "统一社会信用代码", max: 40) {
            do {
                code = try SocialCreditCode(raw)
            } catch {
                errors.append(ShopFieldError(field: "credit_code", code: "invalid_credit_code", message: "\(error.message): \(raw)"))
            }
        }
        var place: ShopPlace?
        if let position {
            if !position.isValid {
                errors.append(ShopFieldError(field: "lat", code: "invalid_position", message: "位置超出经纬度范围 (position out of range): \(position.lat), \(position.lon)"))
            } else if let found = locate(position) {
                place = found
            } else {
                errors.append(ShopFieldError(field: "lat", code: "outside_district", message: "位置不在辖区内 (the position lies outside the district): \(position.lat), \(position.lon)"))
            }
        } else if !readErrors.contains(where: { $0.field == "lat" || $0.field == "lon" }) {
            errors.append(ShopFieldError(field: "lat", code: "missing_position", message: "缺少位置 lat/lon (the position is required)"))
        }
        guard errors.isEmpty, let name, let code, let ownerName, let phone, let address, let position, let place else {
            return .failure(ShopInputError(errors: errors))
        }
        let details = ShopDetails(
            name: name, creditCode: code, licence: licence, ownerName: ownerName, phone: phone,
            address: address, position: position, frontage: frontage
        )
        return .success((details, place))
    }

    static func isPhone(_ text: String) -> Bool {
        let digits = text.filter { ("0"..."9").contains($0) }.count
        return (7...20).contains(digits) && text.allSatisfy { ("0"..."9").contains($0) || $0 == "+" || $0 == "-" }
    }
}

/// Every field error of one shop as entered.
public struct ShopInputError: Error, Hashable, Sendable {
    public let errors: [ShopFieldError]

    public init(errors: [ShopFieldError]) {
        self.errors = errors
    }
}
