import Testing
import Xiuhua
import XiuhuaStore

@Suite("Store organisation")
struct StoreOrganisationTests {
    static let sample = Organisation(
        commands: [
            Command(code: "shirong", name: "市容秩序分指挥部", hotline: "0352-2051201"),
            Command(code: "dudao", name: "督导检查分指挥部", hotline: "0352-2051207"),
            Command(code: "lvhua", name: "绿化美化分指挥部", hotline: "0352-2051205"),
        ],
        departments: [
            Department(code: "zhujian", name: "区住房和城乡建设局"),
            Department(code: "huanwei", name: "区环境卫生服务中心（环卫处）"),
        ]
    )

    @Test("a fresh store has an empty organisation", arguments: Backend.all)
    func empty(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            let organisation = try await store.organisation()
            #expect(organisation == Organisation(commands: [], departments: []))
        }
    }

    @Test("save then load gives back the same commands and departments in the same order", arguments: Backend.all)
    func roundTrip(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            try await store.saveOrganisation(Self.sample)
            #expect(try await store.organisation() == Self.sample)

            try await store.saveOrganisation(DemoDistrict.organisation)
            #expect(try await store.organisation() == DemoDistrict.organisation)
        }
    }

    @Test("saving replaces the whole organisation", arguments: Backend.all)
    func replaces(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            try await store.saveOrganisation(DemoDistrict.organisation)
            try await store.saveOrganisation(Self.sample)
            let loaded = try await store.organisation()
            #expect(loaded == Self.sample)
            #expect(loaded.department("gongan") == nil)
        }
    }

    @Test("a failing save (two departments with one code) keeps the previous organisation", arguments: Backend.all)
    func failingSave(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            try await store.saveOrganisation(Self.sample)
            var broken = DemoDistrict.organisation
            broken.departments.append(broken.departments[0])
            await #expect(throws: (any Error).self) { try await store.saveOrganisation(broken) }
            #expect(try await store.organisation() == Self.sample)
        }
    }

    @Test("the organisation survives closing and reopening the store", arguments: Backend.all)
    func survivesReopen(backend: Backend) async throws {
        try await TemporaryDirectory.with(backend: backend) { directory in
            let store = try await directory.open()
            try await store.saveOrganisation(Self.sample)
            await store.close()
            let reopened = try await directory.open()
            #expect(try await reopened.organisation() == Self.sample)
            await reopened.close()
        }
    }
}
