import Foundation
import Xiuhua
import XiuhuaStore

/// One case as an Open311 `request`: every documented key, null where Xiuhua does not
/// know it, and never the reporter's name, phone or email — nor a hotline caller's own
/// words until staff publish them (`PublicCaseText`).
///
/// - `status`: open while someone still has to act, else closed; `status_notes` is the
///   citizen's word for the state (受理中, 处理中, 已办结 …).
/// - `agency_responsible`: the department or street that holds the case, once dispatched.
/// - `expected_datetime`: the disposal deadline while the owner works on it.
/// - `service_notice`: the category's disposal limit.
struct Open311RequestView {
    let value: Open311Value

    init(_ s: CaseSnapshot, services: XiuhuaServices, extensions: Bool) async throws {
        let zone = services.calendar.timeZone
        func time(_ date: Date?) -> Open311Value { date.map { .string(Open311Time.format($0, in: zone)) } ?? .null }
        let category = services.catalog.matter(code: s.categoryCode)
        let owner = s.state.isOpen || s.closedAt != nil ? s.currentOwner.map { CaseView.owner($0, services).name } : nil
        let expected = s.state.isOpen && s.stage == .disposal ? s.stageDeadline : nil
        let text = PublicCaseText(s, services: services)
        var fields: [(String, Open311Value)] = [
            ("service_request_id", .string(s.number)),
            ("status", .string(s.state.isOpen ? "open" : "closed")),
            ("status_notes", .string(s.state.publicLabel)),
            ("service_name", .string(category?.name ?? s.categoryCode)),
            ("service_code", .string(s.categoryCode)),
            ("description", .string(text.description)),
            ("agency_responsible", .text(owner)),
            ("service_notice", .string("处置时限 \(s.disposalLimit.chineseText) (disposal limit)")),
            ("requested_datetime", time(s.createdAt)),
            ("updated_datetime", time(s.lastEventAt)),
            ("expected_datetime", time(expected)),
            ("address", .string(text.address)),
            ("address_id", .null),
            ("zipcode", .null),
            ("lat", s.location.latitude.map(Open311Value.number) ?? .null),
            ("long", s.location.longitude.map(Open311Value.number) ?? .null),
            ("media_url", .text(s.photos.first)),
        ]
        if extensions {
            let questions = services.questions.questions(for: s.categoryCode)
            fields.append(("attributes", .list(item: "attribute", (s.attributes ?? []).map { answer in
                let question = questions.first { $0.code == answer.code }
                let names = answer.values.map { value in question?.choices.first { $0.key == value }?.name ?? value }
                return .object([
                    ("code", .string(answer.code)),
                    ("label", .text(question?.text)),
                    ("value", .string(answer.values.joined(separator: ","))),
                    ("name", .string(names.joined(separator: "、"))),
                ])
            })))
            fields.append(("extended_attributes", .object([
                ("detailed_status", .string(s.state.rawValue)),
                ("channel", .string(s.source.rawValue)),
                ("street", .text(s.location.streetCode.flatMap { services.regions?[$0]?.name })),
                ("community", .text(s.location.communityCode.flatMap { services.regions?[$0]?.name })),
                ("grid_code", .text(s.location.gridCode)),
                ("media_urls", .list(item: "media_url", s.photos.map(Open311Value.string))),
            ])))
            let events = try await services.store.caseEvents(s.number)
            fields.append(("notes", .list(item: "note", events.compactMap { stored in
                stored.event.kind.publicMessage.map { message in
                    .object([
                        ("datetime", time(stored.event.at)),
                        ("description", .string(message)),
                        ("type", .string(stored.event.kind.rawValue)),
                    ])
                }
            })))
        }
        value = .object(fields)
    }
}
