import Testing
import Xiuhua
import XiuhuaServer
import XiuhuaStore

@Suite("Demo seeding")
struct DemoSeederTests {
    @Test("seeding twice seeds once: true then false, with the same data, and later changes kept")
    func idempotent() async throws {
        try await withTemporaryDataDirectory { directory in
            let store = try await Store.openSQLite(dataDirectory: directory, logger: ServerFixture.logger)
            #expect(try await DemoSeeder.seedIfNeeded(store, logger: ServerFixture.logger) == true)
            let regions = try await store.regionFeatures()
            #expect(regions.count == 9_847, "1 district + 18 streets + 108 communities + 9,720 cells")
            #expect(try await store.organisation() == DemoDistrict.organisation)
            #expect(try await store.meta("district_code") == "140213")

            // What was done in the demo after seeding must survive the next start.
            let changed = Organisation(commands: Array(DemoDistrict.commands.prefix(2)), departments: [])
            try await store.saveOrganisation(changed)
            #expect(try await DemoSeeder.seedIfNeeded(store, logger: ServerFixture.logger) == false)
            #expect(try await store.organisation() == changed)
            await store.close()

            let reopened = try await Store.openSQLite(dataDirectory: directory, logger: ServerFixture.logger)
            #expect(try await DemoSeeder.seedIfNeeded(reopened, logger: ServerFixture.logger) == false)
            let again = try await reopened.regionFeatures()
            #expect(again.map(\.region) == regions.map(\.region))
            #expect(again.map(\.geometry) == regions.map(\.geometry))
            await reopened.close()
        }
    }
}
