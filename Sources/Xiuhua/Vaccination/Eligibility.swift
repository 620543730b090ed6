/// Who the drive vaccinates: residents of at least `minimumAge` on the day (18 by default;
/// a district may lower it when the health commission widens the programme).
public struct Eligibility: Hashable, Sendable, Codable {
    public var minimumAge: Int

    public static let standard = Eligibility(minimumAge: 18)

    public init(minimumAge: Int) {
        self.minimumAge = minimumAge
    }

    public func isEligible(_ resident: Resident, on day: LocalDate) -> Bool {
        resident.age(on: day) >= minimumAge
    }
}
