import ArgumentParser
import Foundation
import Xiuhua
import XiuhuaServer
import XiuhuaStore

/// The shop registry (责任主体) from the command line.
struct ShopsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shops",
        abstract: "商户登记 (the shop registry of 门前五包).",
        discussion: """
        xiuhua shops import shops.csv
        The CSV has a header row: name,credit_code,licence,owner_name,phone,address,lat,lon,frontage
        (or the Chinese names 名称,统一社会信用代码,许可证号,负责人,联系电话,地址,纬度,经度,门前责任区).
        Every row is imported, or none: a wrong row is reported by its line and nothing is written.
        """,
        subcommands: [Import.self]
    )

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "从 CSV 导入商户 (import shops from CSV, all or nothing).")
        @OptionGroup var options: DataOptions
        @Argument(help: "CSV 文件 (CSV file, UTF-8).") var file: String

        func run() async throws {
            let text = try readText(file, what: "商户 CSV")
            let store = try await options.openStore(logger: makeLogger())
            do {
                let services = try await XiuhuaServices.load(store: store, catalog: try options.loadCatalog(), calendar: try options.loadCalendar())
                let shops = try await ShopRegistry(services: services).importCSV(text, by: nil) { stage in
                    switch stage {
                    case .checked(let done, let total): progressLine("校验 (checked) \(done)/\(total)")
                    case .written(let done, let total): progressLine("写入 (written) \(done)/\(total)")
                    }
                }
                FileHandle.standardError.write(Data("\n".utf8))
                print("已导入 \(shops.count) 家商户 (imported \(shops.count) shops)")
                await store.close()
            } catch let report as ShopImportReport {
                await store.close()
                FileHandle.standardError.write(Data("\n".utf8))
                for row in report.rows {
                    FileHandle.standardError.write(Data("第 \(row.line) 行 (line \(row.line)) \(row.field): \(row.message)\n".utf8))
                }
                throw CLIError(report.message)
            } catch let error as APIError {
                await store.close()
                throw CLIError("\(error.code): \(error.message)")
            } catch {
                await store.close()
                throw error
            }
        }
    }
}

/// Rewrites the current line of standard error: a progress line that stays one line.
private func progressLine(_ text: String) {
    FileHandle.standardError.write(Data("\r\(text)".utf8))
}
