import Foundation
import Xiuhua

/// An evaluation table as CSV for Excel: UTF-8 with a byte-order mark (without it Excel
/// reads Chinese as mojibake), CRLF line ends, Chinese column names, rates in per cent.
enum EvaluationCSV {
    static let byteOrderMark = "\u{FEFF}"

    static func render(_ table: EvaluationTable) -> String {
        var header = ["周期", "层级", "排名", "编码", "名称", "评价对象", "样本量", "综合得分（置信调整）", "综合得分（原始）", "等级", "12345三率成绩"]
        header += Indicator.allCases.map { $0.isCount ? $0.label : "\($0.label)(%)" }
        var lines = [header.map(field).joined(separator: ",")]
        for row in table.rows {
            var cells = [
                table.period.label, table.dimension.label, row.rank.map(String.init) ?? "", row.unit, row.name,
                row.scorecard?.label ?? "", String(row.sampleSize), number(row.adjustedScore), number(row.score),
                row.grade?.rawValue ?? "", number(row.hotlineScore),
            ]
            cells += Indicator.allCases.map { indicator in
                let value = row.value(indicator)
                guard let rate = value.rate else { return "" }
                return indicator.isCount ? String(Int(rate)) : number(rate * 100)
            }
            lines.append(cells.map(field).joined(separator: ","))
        }
        return byteOrderMark + lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func number(_ value: Double?) -> String {
        value.map { String(format: "%.2f", $0) } ?? ""
    }

    /// Quotes a field that holds a comma, a quote or a line break.
    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
