/// Who sees a resident's personal data. Health workers and grid workers need it to call
/// and visit people; every other role sees it masked: 王*明, 140213********123X, 138****5678.
public enum ResidentPrivacy {
    public static let rolesSeeingPersonalData: Set<Role> = [.healthWorker, .gridWorker]

    public static func seesPersonalData(_ role: Role) -> Bool {
        rolesSeeingPersonalData.contains(role)
    }

    /// `resident` as `role` may see it.
    public static func view(of resident: Resident, for role: Role) -> ResidentView {
        guard !seesPersonalData(role) else {
            return ResidentView(
                id: resident.id, gridCode: resident.gridCode, household: resident.household, name: resident.name,
                idNumber: resident.idNumber.text, birthDate: resident.birthDate.description, phone: resident.phone, masked: false
            )
        }
        return ResidentView(
            id: resident.id, gridCode: resident.gridCode, household: resident.household, name: NameMask.mask(resident.name),
            idNumber: resident.idNumber.masked, birthDate: nil, phone: resident.phone.map(PhoneMask.mask), masked: true
        )
    }
}

/// A resident as one reader sees it, masked or not.
public struct ResidentView: Hashable, Sendable, Codable {
    public let id: String
    public let gridCode: String
    public let household: String
    public let name: String
    public let idNumber: String
    /// Nil when masked: the birth date is in the ID number.
    public let birthDate: String?
    public let phone: String?
    public let masked: Bool
}
