import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import Xiuhua
import XiuhuaServer
import XiuhuaStore

/// The public board ranks streets and departments by the evaluation's composite scores
/// and grades for the current month — the same figures as the evaluation API and the
/// monthly report — in Chinese, with the English switch.
@Suite("Public board ranking")
struct BoardRankingTests {
    /// A server whose clock stands in November 2026, over a store with the evaluation
    /// suite's cases (three closed in one street by 环卫, one dispatched).
    static func withBoard(_ body: @Sendable (any TestClientProtocol, XiuhuaServices) async throws -> Void) async throws {
        try await withTemporaryDataDirectory { directory in
            let store = try await Store.openSQLite(dataDirectory: directory, logger: ServerFixture.logger)
            do {
                try await DemoSeeder.seedIfNeeded(store, logger: ServerFixture.logger)
                let november = ISO8601Instant.parse("2026-11-20T10:00:00+08:00")!
                let services = try await XiuhuaServices.load(store: store, catalog: .national, calendar: .chinaDefault, now: { november })
                try await EvaluationAPITests.fileCases(services)
                let app = buildApplication(services: services, host: "127.0.0.1", port: 0, overdueScanInterval: nil, logger: ServerFixture.logger)
                try await app.test(.live) { client in try await body(client, services) }
                await store.close()
            } catch {
                await store.close()
                throw error
            }
        }
    }

    /// The rows of the table with `id`, as cell texts.
    static func rows(_ html: String, table id: String) -> [[String]] {
        guard let start = html.range(of: "id=\"\(id)\""), let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex) else { return [] }
        let table = String(html[start.upperBound..<end.lowerBound])
        let cell = try! NSRegularExpression(pattern: "<t[dh][^>]*>(.*?)</t[dh]>", options: [.dotMatchesLineSeparators])
        return table.components(separatedBy: "<tr>").dropFirst(2).map { row in
            cell.matches(in: row, range: NSRange(row.startIndex..., in: row)).map { match in
                String(row[Range(match.range(at: 1), in: row)!])
                    .replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression).trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
    }

    @Test("streets and departments are ranked by this month's composite score with grade, sample size and rates, matching the evaluation")
    func rankedByEvaluation() async throws {
        try await Self.withBoard { client, services in
            let period = try EvaluationPeriod("2026-11")
            let desk = EvaluationDesk(services: services)
            let streets = try await desk.table(.street, in: period).ranked(.region)
            let departments = try await desk.table(.department, in: period).ranked(.department)
            let topStreet = try #require(streets.first)
            let topDepartment = try #require(departments.first)
            let grade = try #require(topStreet.grade)

            let response = try await client.get("/board")
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("综合得分") && html.contains("等级") && html.contains("样本量"))
            #expect(html.contains("2026-11"))
            let streetRows = Self.rows(html, table: "street-ranking")
            #expect(streetRows.count == streets.count, "\(streetRows)")
            let first = try #require(streetRows.first)
            #expect(first.count == 7, "\(first)")
            #expect(first[0] == "1")
            #expect(first[1] == topStreet.name)
            #expect(first[2] == String(format: "%.1f", try #require(topStreet.adjustedScore)))
            #expect(first[3] == grade.rawValue)
            #expect(first[4] == String(topStreet.sampleSize))
            #expect(first[5] == String(format: "%.1f%%", (topStreet.value(.closingRate).rate ?? -1) * 100))
            #expect(html.contains("class=\"grade grade-\(grade.rawValue)\""))

            let departmentRows = Self.rows(html, table: "department-ranking")
            #expect(departmentRows.first?[1] == topDepartment.name, "\(departmentRows)")
            #expect(departmentRows.first?[2] == topDepartment.adjustedScore.map { String(format: "%.1f", $0) })
            #expect(html.contains("按期处置率") && html.contains("返工率"))
            // Units with nothing to evaluate this month are left out, not ranked last.
            #expect(streetRows.allSatisfy { $0[2] != "—" })

            let english = try await client.get("/board?lang=en")
            #expect(english.status == .ok)
            #expect(english.text.contains("Score") && english.text.contains("Grade") && english.text.contains("On-time disposal"))
            #expect(Self.rows(english.text, table: "street-ranking").first?[1] == topStreet.name)
        }
    }

    @Test("a month with no cases shows no ranking, and says so")
    func emptyMonth() async throws {
        try await WritableDemoServer.run { client in
            let response = try await client.get("/board")
            #expect(response.status == .ok)
            #expect(!response.text.contains("id=\"street-ranking\""))
            #expect(response.text.contains("本月暂无数据"))
        }
    }
}
