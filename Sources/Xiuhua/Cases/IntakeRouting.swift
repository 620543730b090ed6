/// The owner the catalog suggests for a new case: the category's department, or — for
/// territorial matters (属地) — the street the case lies in. The dispatcher decides.
public enum IntakeRouting {
    public static func suggestedOwner(for category: Category, streetCode: String?) -> CaseOwner? {
        switch category.owner {
        case .department(let code): .department(code)
        case .street: streetCode.map(CaseOwner.street)
        }
    }
}
