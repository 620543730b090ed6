import Xiuhua

/// What public outputs (Open311, the board) say a case is about and where it is.
///
/// A hotline caller told an operator, not the public: their words (description, address)
/// can name themselves, their neighbours or their door. Until staff publish them (the
/// `publishText` action), a hotline case is shown by a summary made from the catalog and
/// the region tree: "道路不洁 · 新华街道 红旗里社区".
struct PublicCaseText {
    let description: String
    let address: String

    init(_ snapshot: CaseSnapshot, services: XiuhuaServices) {
        guard !snapshot.publishesReporterText else {
            description = snapshot.description
            address = snapshot.location.address
            return
        }
        let category = services.catalog.matter(code: snapshot.categoryCode)?.name ?? snapshot.categoryCode
        let place = [snapshot.location.streetCode, snapshot.location.communityCode]
            .compactMap { code in code.flatMap { services.regions?[$0]?.name } }
            .joined(separator: " ")
        description = place.isEmpty ? category : "\(category) · \(place)"
        address = place
    }
}
