import ArgumentParser
import Foundation
import Xiuhua
import XiuhuaGeo
import XiuhuaStore

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "导入数据 (import data).",
        subcommands: [Regions.self]
    )

    struct Regions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "从 GeoJSON 导入辖区 (import a district's streets, communities and grid cells).",
            discussion: """
            Each feature's properties: level (district/street/community/grid), code, name, parent.
            Grid codes have 15 digits (6 区划 + 3 街道 + 3 社区 + 3 顺序码); 14-digit legacy codes are padded.
            On any error nothing is imported and the offending feature is named.
            """
        )

        @OptionGroup var options: DataOptions

        @Argument(help: "GeoJSON FeatureCollection 文件 (file).")
        var file: String

        func run() async throws {
            let started = ContinuousClock.now
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIError("无法读取文件 (cannot read file): \(file)")
            }
            stderr("读取 (reading) \(file): \(data.count / 1024) KiB")
            let features: [RegionFeature]
            do {
                features = try RegionImport.regions(from: try FeatureCollection(geoJSON: data))
            } catch let error as GeoJSONError {
                throw CLIError("导入失败，未写入任何数据 (import refused, nothing written): \(error)")
            } catch let error as RegionImportError {
                throw CLIError("导入失败，未写入任何数据 (import refused, nothing written): \(error)")
            }
            let showsProgress = features.count >= 2_000
            try await options.withStore { store in
                try await store.replaceRegions(features) { written, total in
                    if showsProgress, written == total || written % 5_000 == 0 {
                        stderr("写入 (writing) \(written)/\(total)")
                    }
                }
            }
            var counts: [RegionLevel: Int] = [:]
            for feature in features { counts[feature.region.level, default: 0] += 1 }
            let area = features.filter { $0.region.level == .grid }.compactMap(\.geometry).reduce(0) { $0 + $1.areaSquareMetres }
            let district = features.first { $0.region.level == .district }?.region
            print("""
            已导入 (imported) \(district?.name ?? "") (\(district?.code ?? "")):
              街道 streets: \(counts[.street] ?? 0)
              社区/村 communities: \(counts[.community] ?? 0)
              单元网格 grid cells: \(counts[.grid] ?? 0), \(String(format: "%.2f", area / 1_000_000)) km²
              用时 (took) \(started.duration(to: .now))
            """)
        }
    }
}

/// A progress or status line on standard error, so standard output stays the result.
func stderr(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
