import ArgumentParser
import Foundation
import XiuhuaGeo

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "性能测试 (benchmarks); build with -c release for meaningful figures.",
        subcommands: [Locate.self, Cases.self, Evaluation.self]
    )

    struct Locate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "网格定位吞吐 (grid lookups per second on one thread)."
        )

        @Option(help: "网格数 (number of grid cells).")
        var cells: Int = 25_000

        @Option(help: "查询次数 (number of lookups).")
        var lookups: Int = 5_000_000

        func validate() throws {
            guard cells >= 100, cells <= 1_000_000 else { throw ValidationError("--cells must be 100…1000000") }
            guard lookups >= 1_000, lookups <= 1_000_000_000 else { throw ValidationError("--lookups must be 1000…1000000000") }
        }

        func run() throws {
            let columns = Int(Double(cells).squareRoot().rounded(.up))
            let rows = (cells + columns - 1) / columns
            let grid = SyntheticGrid(
                origin: Coordinate(lon: 113.30, lat: 40.09), columns: columns, rows: rows,
                cellSizeMetres: 100, jitter: 0.25, seed: 42, extraVerticesPerEdge: 2
            )
            let buildStart = ContinuousClock.now
            let index = SpatialIndex(grid.cells.enumerated().map { (id: $0.offset, geometry: $0.element) })
            let buildTime = buildStart.duration(to: .now)
            let bounds = grid.boundingBox
            // A fixed sample of points, 5 % of them outside the grid, reused in a loop so the
            // timing measures lookups, not random-number generation.
            var generator = SplitMix64(seed: 7)
            let sample = (0..<1_000_000).map { i -> Coordinate in
                let margin = i % 20 == 0 ? 0.02 : 0
                return Coordinate(
                    lon: bounds.minLon - margin + generator.nextUnit() * (bounds.width + 2 * margin),
                    lat: bounds.minLat - margin + generator.nextUnit() * (bounds.height + 2 * margin)
                )
            }
            var found = 0
            let start = ContinuousClock.now
            let cpuStart = threadCPUSeconds()
            for i in 0..<lookups where index.locate(sample[i % sample.count]) != nil {
                found += 1
            }
            let cpu = threadCPUSeconds() - cpuStart
            let seconds = milliseconds(start.duration(to: .now)) / 1000
            print("""
            bench locate: \(columns * rows) cells (\(columns)×\(rows), ~100 m, 12 vertices each), index built in \(buildTime)
              \(lookups) lookups in \(String(format: "%.3f", seconds)) s wall, \(String(format: "%.3f", cpu)) s CPU, one thread
              \(String(format: "%.0f", Double(lookups) / seconds)) lookups/s (wall); \(String(format: "%.0f", Double(lookups) / cpu)) lookups per CPU-second
              \(found) inside, \(lookups - found) outside
            reproduce: swift build -c release && .build/release/xiuhua bench locate --cells \(cells) --lookups \(lookups)
            """)
        }
    }
}
