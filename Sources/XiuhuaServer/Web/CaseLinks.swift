import Xiuhua

/// A case number on a page that is not the case's own: a link when the reader may open the
/// case (`CaseVisibility`, the rule of the case page itself), plain text when they may not,
/// so nobody is sent to a page that answers "not found".
struct CaseLinks {
    let services: XiuhuaServices
    let account: Account

    func markup(_ number: String, label: String, id: String? = nil) async throws -> Markup {
        let attribute: Markup = id.map { " id=\"\($0)\"" } ?? .empty
        if let snapshot = try await services.store.caseSnapshot(number), CaseVisibility.canSee(snapshot, account.actor) {
            return "<a href=\"/console/cases/\(number)\"\(attribute)>\(label)</a>"
        }
        return "<span class=\"case-number\"\(attribute)>\(label)</span>"
    }
}
