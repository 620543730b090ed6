import Testing
import XiuhuaStore

@Suite("Store meta values")
struct StoreMetaTests {
    @Test("an unset key reads as nil", arguments: Backend.all)
    func unset(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            let value = try await store.meta("never_set")
            #expect(value == nil)
        }
    }

    @Test("a value set is read back, and setting again overwrites it", arguments: Backend.all)
    func setAndOverwrite(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            try await store.setMeta("district_name", "平城区")
            #expect(try await store.meta("district_name") == "平城区")
            try await store.setMeta("district_name", "")
            #expect(try await store.meta("district_name") == "", "an empty value is a value, not a missing one")
            try await store.setMeta("district_name", "云冈区 'quoted' \"too\"")
            #expect(try await store.meta("district_name") == "云冈区 'quoted' \"too\"")
            #expect(try await store.meta("DISTRICT_NAME") == nil, "keys are case-sensitive")
        }
    }

    @Test("keys are independent and values survive a reopen", arguments: Backend.all)
    func independentAndDurable(backend: Backend) async throws {
        try await TemporaryDirectory.with(backend: backend) { directory in
            let store = try await directory.open()
            try await store.setMeta("a", "1")
            try await store.setMeta("b", "2")
            await store.close()
            let reopened = try await directory.open()
            #expect(try await reopened.meta("a") == "1")
            #expect(try await reopened.meta("b") == "2")
            await reopened.close()
        }
    }
}
