import Foundation
import Testing
import Xiuhua

/// 公开原文: a hotline caller's words stay out of public outputs until staff publish them.
@Suite("Publishing a hotline caller's words")
struct PublishTextTests {
    @Test("a hotline case withholds its text until an operator or duty chief publishes it, once; the event folds into the snapshot")
    func hotline() throws {
        var history = try CaseHistory()
        #expect(history.snapshot.source == .hotline)
        #expect(!history.snapshot.publishesReporterText)
        #expect(history.refusal(.publishText(), by: Fixture.gridWorker)?.code == .forbiddenRole)
        #expect(history.refusal(.publishText(), by: Fixture.dispatcher)?.code == .forbiddenRole)
        let events = try history.run(.publishText(note: "来电人同意公开"), by: Fixture.operatorActor)
        #expect(events.map(\.kind) == [.textPublished])
        #expect(events.first?.note == "来电人同意公开")
        #expect(history.snapshot.publishesReporterText && history.snapshot.textPublished == true)
        #expect(history.snapshot.state == .reported, "publishing moves nothing in the workflow")
        #expect(history.refusal(.publishText(), by: Fixture.dutyChief)?.code == .alreadyRecorded)
        // Replayed from its events, the case is the same.
        let replayed = history.events.dropFirst().reduce(try #require(CaseSnapshot(reported: history.events[0]))) { $0.applying($1) }
        #expect(replayed == history.snapshot)
    }

    @Test("reports from the web, the API or a patrol are public as written; a rejected case is not published at all")
    func otherChannels() throws {
        for source in [CaseSource.web, .api, .patrol] {
            let history = try CaseHistory(Fixture.intake(source: source, photos: source == .patrol ? ["p.jpg"] : []))
            #expect(history.snapshot.publishesReporterText, "\(source)")
            #expect(history.refusal(.publishText(), by: Fixture.operatorActor)?.code == .alreadyRecorded, "\(source)")
        }
        let rejected = try CaseHistory.reaching(.rejected)
        #expect(!rejected.snapshot.state.isPublished)
        #expect(rejected.refusal(.publishText(), by: Fixture.dutyChief)?.code == .wrongState)
        #expect(CaseState.allCases.filter { !$0.isPublished } == [.rejected, .cancelled, .merged])
    }
}
