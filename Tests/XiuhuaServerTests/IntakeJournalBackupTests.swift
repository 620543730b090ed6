import AsyncHTTPClient
import Foundation
import Testing
@testable import XiuhuaServer
@testable import XiuhuaStore

/// Reports acknowledged from the intake journal but not yet filed belong to the district's
/// data as much as its cases: a backup carries them, and a server started on the restored
/// directory files them.
@Suite("Intake journal in backups and at start", .serialized)
struct IntakeJournalBackupTests {
    /// Writes one journaled Open311 report into `data`'s journal, as a server under a
    /// burst would have before it stopped, and returns its ticket.
    private func journalReport(in data: String, description: String) async throws -> String {
        let (journal, _) = try IntakeJournal.open(directory: data + "/intake-journal")
        let key = APIKey(id: "k-backup", name: "12345 热线平台", perMinute: 60, createdAt: Date(), revokedAt: nil)
        let encoded = description.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let form = "service_code=06010&lat=40.12234718190999&long=113.2818037388908&attribute%5Bamount%5D=bag&description=" + encoded
        let ticket = CaseNumbering.ticketCode()
        let payload = Open311JournalPayload(key: key, form: form).line
        _ = try await journal.append(IntakeJournal.Entry(ticket: ticket, at: Date(), payload: payload))
        journal.close()
        return ticket
    }

    private func body(_ server: XiuhuaProcess, _ path: String) async throws -> (UInt, String) {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: server.baseURL + path), timeout: .seconds(5))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return (response.status.code, String(buffer: bytes))
    }

    /// The case number `tokens/{ticket}` gives once the filer has filed it (nil after 10 s).
    private func caseNumber(of ticket: String, on server: XiuhuaProcess) async throws -> String? {
        for _ in 0..<100 {
            let (status, text) = try await body(server, "/open311/v2/tokens/\(ticket).json")
            if status == 200, let list = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]],
               let number = list.first?["service_request_id"] as? String {
                return number
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }

    @Test("a backup carries journaled reports not yet filed; the restored server files each once, with its ticket and its text")
    func backupCarriesTheJournal() async throws {
        try await withTemporaryDataDirectory { root in
            let data = root + "/data"
            let backup = root + "/backup.sqlite"
            let restored = root + "/restored"
            let seeded = try await Store.openSQLite(dataDirectory: data, logger: ServerFixture.logger)
            await seeded.close()
            let ticket = try await journalReport(in: data, description: "备份时尚未立案的报告 \"引号\" 与\t制表符")

            let made = try await XiuhuaProcess.run(["backup", "--data", data, "--to", backup])
            #expect(made.status == 0, "\(made.output)")
            #expect(made.output.contains("intake journal"))
            #expect(FileManager.default.fileExists(atPath: backup + ".journal/000001.log"))
            let restore = try await XiuhuaProcess.run(["restore", "--from", backup, "--data", restored])
            #expect(restore.status == 0, "\(restore.output)")

            let server = try await XiuhuaProcess.serve(data: restored)
            let number = try #require(try await caseNumber(of: ticket, on: server))
            let (status, text) = try await body(server, "/open311/v2/requests/\(number).json")
            #expect(status == 200)
            let list = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
            #expect(list.first?["description"] as? String == "备份时尚未立案的报告 \"引号\" 与\t制表符")
            server.kill(SIGTERM)

            // Started again, the server files nothing twice: the journal it left is empty.
            let again = try await XiuhuaProcess.serve(data: restored)
            #expect(try await caseNumber(of: ticket, on: again) == number)
            again.kill(SIGTERM)
            let store = try await Store.openSQLite(dataDirectory: restored, logger: ServerFixture.logger)
            #expect(try await store.caseSnapshot(ticket: ticket)?.number == number)
            await store.close()
            let left = (try FileManager.default.contentsOfDirectory(atPath: restored + "/intake-journal")).filter { $0.hasSuffix(".log") }
            #expect(left.isEmpty, "segments left: \(left)")
        }
    }

    @Test("a journal entry whose report no longer passes is refused alone: the token says so, the others are filed")
    func refusedAtFiling() async throws {
        try await withTemporaryDataDirectory { root in
            let data = root + "/data"
            let seeded = try await Store.openSQLite(dataDirectory: data, logger: ServerFixture.logger)
            await seeded.close()
            let good = try await journalReport(in: data, description: "好的报告")
            // An entry that does not read back (another version wrote it) is refused, not retried forever.
            let (journal, recovered) = try IntakeJournal.open(directory: data + "/intake-journal")
            #expect(recovered.map(\.entry.ticket) == [good])
            let bad = CaseNumbering.ticketCode()
            _ = try await journal.append(IntakeJournal.Entry(ticket: bad, at: Date(), payload: "v9\tnot a report"))
            journal.close()

            let server = try await XiuhuaProcess.serve(data: data)
            #expect(try await caseNumber(of: good, on: server) != nil)
            let (status, text) = try await body(server, "/open311/v2/tokens/\(bad).json")
            #expect(status == 404)
            #expect(text.contains("refused when filed"))
            server.kill(SIGTERM)
        }
    }
}
