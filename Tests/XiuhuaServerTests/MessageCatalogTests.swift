import Testing
@testable import XiuhuaServer

@Suite("Message catalogs")
struct MessageCatalogTests {
    @Test("every page string has its Chinese and English text")
    func complete() {
        #expect(WebText.missingKeys.isEmpty)
        #expect(CitizenText.missingKeys.isEmpty)
        #expect(ConsoleText.missingKeys.isEmpty)
        #expect(CampaignConsoleText.missingKeys.isEmpty)
        #expect(VaccinationConsoleText.missingKeys.isEmpty)
        #expect(DashboardText.missingKeys.isEmpty)
        #expect(CoverageText.missingKeys.isEmpty)
        #expect(CampaignText.missingKeys.isEmpty)
        #expect(BoardText.missingKeys.isEmpty)
        #expect(ShopConsoleText.missingKeys.isEmpty)
        #expect(InspectionConsoleText.missingKeys.isEmpty)
        #expect(ContractConsoleText.missingKeys.isEmpty)
        #expect(RecordLabelText.missingKeys.isEmpty)
        #expect(PagingText.missingKeys.isEmpty)
    }
}
