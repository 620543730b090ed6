import Xiuhua
import XiuhuaStore

/// A case's photos as people look at them: "before" shows the problem (the report's and
/// the verification's), "after" the fix (the handler's report and the check). Only our
/// own attachments, each once, in the order they were sent.
struct CasePhotos: Sendable {
    let before: [String]
    let after: [String]

    init(_ snapshot: CaseSnapshot, events: [StoredCaseEvent]?) {
        let events = events ?? []
        let reported = snapshot.photos + events.filter { [.reported, .verified].contains($0.event.kind) }.flatMap(\.event.attachments)
        let fixed = events.filter { [.handled, .checked].contains($0.event.kind) }.flatMap(\.event.attachments)
        before = Self.ids(reported)
        after = Self.ids(fixed)
    }

    private static func ids(_ references: [String]) -> [String] {
        var seen = Set<String>()
        return references.compactMap(PhotoRules.id).filter { seen.insert($0).inserted }
    }
}
