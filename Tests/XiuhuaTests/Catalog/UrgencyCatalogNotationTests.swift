import Testing
import Xiuhua

@Suite("Urgency notation")
struct UrgencyCatalogNotationTests {
    @Test("紧急 and 一般 read and write back; other words are refused")
    func notation() {
        for urgency in Urgency.allCases {
            #expect(Urgency(catalogNotation: urgency.catalogNotation) == urgency)
        }
        #expect(Urgency(catalogNotation: "紧急") == .urgent)
        #expect(Urgency(catalogNotation: "urgent") == nil)
    }
}
