import Foundation

/// A person on the vaccination roster (台账): where they live (grid and household) and
/// who they are. Name, ID number and phone are personal data (个人信息保护法).
public struct Resident: Hashable, Sendable {
    public var id: String
    public var gridCode: String
    /// The household, e.g. 红旗街 12 号 3 单元 201.
    public var household: String
    public var name: String
    public var idNumber: ResidentIDNumber
    public var phone: String?

    public init(id: String, gridCode: String, household: String, name: String, idNumber: ResidentIDNumber, phone: String? = nil) {
        self.id = id
        self.gridCode = gridCode
        self.household = household
        self.name = name
        self.idNumber = idNumber
        self.phone = phone
    }

    public var birthDate: LocalDate { idNumber.birthDate }

    /// Whole years of age on `day`.
    public func age(on day: LocalDate) -> Int {
        let birth = birthDate
        var years = day.year - birth.year
        if (day.month, day.day) < (birth.month, birth.day) { years -= 1 }
        return years
    }
}
