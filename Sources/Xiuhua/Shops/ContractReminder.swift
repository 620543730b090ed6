import Foundation

/// The reminders a 门前五包 contract calls for: when it enters its last 30 days
/// (`expiring`) and when it runs out (`expired`), the signing street and community hear it
/// through the webhook and the shop's contact by text message — unless the contract has
/// already been renewed, when there is nothing left to remind anyone of.
///
/// Each reminder has a stable id (`contract/<number>/<status>/<index>`), so writing the
/// same reminder twice — a second scan, a restart, a second server — is one message.
public enum ContractReminder {
    /// Expired contracts are reminded of only this long after their last day, so that a
    /// district turning reminders on is not flooded with contracts that ran out years ago.
    public static let expiredWindowDays = DutyContract.warningDays

    /// The reminders due for `contract` of `shop` on `day`, with their outbox ids.
    public static func due(
        for contract: DutyContract, shop: Shop, on day: LocalDate, renewed: Bool
    ) -> [(id: String, notification: CaseNotification)] {
        guard !renewed, contract.shopID == shop.id else { return [] }
        let status = contract.status(on: day)
        let kind: CaseNotification.Kind
        let text: String
        switch status {
        case .expiring:
            kind = .contractExpiring
            text = "门前五包责任书 \(contract.number)（\(shop.details.name)）将于 \(contract.validUntil.description) 到期，请及时续签。"
        case .expired where day <= contract.validUntil.adding(days: expiredWindowDays):
            kind = .contractExpired
            text = "门前五包责任书 \(contract.number)（\(shop.details.name)）已于 \(contract.validUntil.description) 到期，尚未续签，请尽快续签。"
        default:
            return []
        }
        var recipients: [CaseNotification.Recipient] = [
            .owner(CaseOwner(kind: .street, code: shop.place.streetCode)),
            .community(code: shop.place.communityCode),
        ]
        let phone = shop.details.phone.trimmingCharacters(in: .whitespaces)
        if !phone.isEmpty { recipients.append(.citizen(phone: phone)) }
        return recipients.enumerated().map { index, recipient in
            (
                "contract/\(contract.number)/\(status.rawValue)/\(index + 1)",
                CaseNotification(kind: kind, recipient: recipient, caseNumber: contract.number, ticketCode: "", text: text)
            )
        }
    }
}
