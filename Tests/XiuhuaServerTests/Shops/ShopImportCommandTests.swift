import Foundation
import Testing
import Xiuhua
import XiuhuaStore

/// `xiuhua shops import` as an administrator runs it: the real binary on a copy of the
/// demo district's data directory.
@Suite("xiuhua shops import")
struct ShopImportCommandTests {
    static func demoDirectory() async throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        for (name, data) in try await DemoTemplate.files().contents {
            guard FileManager.default.createFile(atPath: directory.file(name), contents: data) else { throw CocoaError(.fileWriteUnknown) }
        }
        return directory
    }

    static let header = "名称,统一社会信用代码,负责人,联系电话,地址,纬度,经度,门前责任区"
    static let good = "永泰便利店,91140213MA0K3XH01G,张三,13812341234,永泰南路 12 号,40.08,113.30,\"113.300 40.080;113.301 40.080\""

    @Test("a file with a wrong row is reported by line with a progress line and writes nothing; the corrected file imports")
    func importsAllOrNothing() async throws {
        let directory = try await Self.demoDirectory()
        defer { directory.remove() }
        let file = directory.file("shops.csv")
        try [Self.header, Self.good, "老王烧烤,92140213MA0K3XH02X,王五,13912345678,永泰北路,40.08,113.30,"].joined(separator: "\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let refused = try await XiuhuaProcess.run(["shops", "import", "--data", directory.path, file])
        #expect(refused.status != 0)
        #expect(refused.output.contains("第 3 行 (line 3) credit_code"), "\(refused.output)")
        #expect(refused.output.contains("校验位"))
        #expect(refused.output.contains("未导入任何商户"))
        #expect(refused.output.contains("校验 (checked) 2/2"))

        try [Self.header, Self.good].joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try await XiuhuaProcess.run(["shops", "import", "--data", directory.path, file])
        #expect(imported.status == 0, "\(imported.output)")
        #expect(imported.output.contains("已导入 1 家商户 (imported 1 shops)"))

        let store = try await Store.openSQLite(dataDirectory: directory.path, logger: .quiet)
        let shops = try await store.shops(ShopQuery()).shops
        await store.close()
        #expect(shops.map(\.details.creditCode.text) == ["91140213MA0K3XH01G"])
        #expect(shops.first?.details.frontage != nil)
        #expect(shops.first?.place.streetCode.isEmpty == false)
    }
}
