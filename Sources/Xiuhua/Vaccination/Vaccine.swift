/// A vaccine the drive gives: how many doses make its course and how long a person must
/// wait between them.
public struct Vaccine: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    public var doses: Int
    /// Days from one dose to the earliest day the next may be given.
    public var minimumIntervalDays: Int

    public init(code: String, name: String, doses: Int, minimumIntervalDays: Int) {
        self.code = code
        self.name = name
        self.doses = doses
        self.minimumIntervalDays = minimumIntervalDays
    }

    /// The vaccines a new store starts with; an administrator changes the intervals.
    public static let shipped: [Vaccine] = [
        Vaccine(code: "inactivated-vero", name: "新冠病毒灭活疫苗（Vero细胞）", doses: 2, minimumIntervalDays: 21),
        Vaccine(code: "recombinant-cho", name: "重组新冠病毒疫苗（CHO细胞）", doses: 3, minimumIntervalDays: 28),
        Vaccine(code: "adenovirus-type5", name: "腺病毒载体新冠疫苗（5型）", doses: 1, minimumIntervalDays: 0),
    ]
}
