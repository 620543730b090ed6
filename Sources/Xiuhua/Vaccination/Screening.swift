/// The contraindication checklist (禁忌核查) read to a person before the dose. Every
/// question must be answered; any "yes" means no dose today.
public enum Screening {
    public struct Question: Hashable, Sendable {
        public let key: String
        public let text: String
        public let english: String
    }

    public static let questions: [Question] = [
        Question(key: "allergy", text: "对疫苗成分过敏或曾有严重过敏反应", english: "Allergic to a component, or a severe allergic reaction before"),
        Question(key: "fever", text: "发热（腋温 ≥ 37.3℃）或患急性疾病", english: "Fever (≥ 37.3 °C) or an acute illness"),
        Question(key: "chronic_acute", text: "慢性病急性发作期", english: "A chronic disease in an acute episode"),
        Question(key: "uncontrolled_epilepsy", text: "未控制的癫痫或其他进行性神经系统疾病", english: "Uncontrolled epilepsy or a progressive neurological disease"),
        Question(key: "pregnancy", text: "妊娠期", english: "Pregnancy"),
        Question(key: "other_vaccine_14d", text: "14 天内接种过其他疫苗", english: "Another vaccine in the last 14 days"),
    ]

    /// What the answers say: nil when all are answered and none is a contraindication.
    public static func problem(_ answers: [String: Bool]) -> CampaignRefusal? {
        let keys = Set(questions.map(\.key))
        if let unknown = answers.keys.sorted().first(where: { !keys.contains($0) }) {
            return .invalid("unknown_screening_item", "禁忌核查没有这一项 (no such checklist item): \(unknown)")
        }
        if let missing = questions.first(where: { answers[$0.key] == nil }) {
            return .invalid("screening_incomplete", "禁忌核查未完成：\(missing.text) (the checklist is incomplete: \(missing.key))")
        }
        if let found = questions.first(where: { answers[$0.key] == true }) {
            return .init(.conflict, "contraindicated", "存在接种禁忌：\(found.text)，今日不接种 (a contraindication: \(found.key))")
        }
        return nil
    }
}
