import Foundation
import Testing
import Xiuhua

/// A return goes back to the dispatch queue with its reason; a re-dispatch to another
/// owner is recorded as such, a re-dispatch to the same owner is not.
@Suite("Return and re-dispatch")
struct DispatchAccuracyTests {
    @Test("return, re-dispatch to another owner and back are counted right")
    func counted() throws {
        var history = try CaseHistory.reaching(.dispatched, owner: .department("D1"))
        #expect(history.events.last?.change == .dispatched(owner: .department("D1"), isRedispatch: false))
        try history.run(.return(reason: "非本单位职责"), by: Fixture.departmentHandler)
        #expect(history.snapshot.state == .awaitingDispatch)
        #expect(history.snapshot.previousOwners == [.department("D1")])
        #expect(history.events.last?.change == .returned(owner: .department("D1"), reason: "非本单位职责"))
        try history.run(.dispatch(to: .street("S1")), by: Fixture.dispatcher)
        #expect(history.events.last?.change == .dispatched(owner: .street("S1"), isRedispatch: true))
        #expect(history.snapshot.dispatchCount == 2)
        try history.run(.return(reason: "应由部门处置"), by: Fixture.streetOfficer)
        try history.run(.dispatch(to: .street("S1")), by: Fixture.dispatcher)
        // Sent back to the owner that just returned it: not a change of owner.
        #expect(history.events.last?.change == .dispatched(owner: .street("S1"), isRedispatch: false))
        #expect(history.snapshot.previousOwners == [.department("D1"), .street("S1")])
        #expect(history.snapshot.dispatchCount == 3)
    }
}
