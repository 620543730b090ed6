// swift-tools-version:6.1
import PackageDescription

// Layers, each importing only the one below it (see docs/ARCHITECTURE.md):
// xiuhua → XiuhuaServer → XiuhuaStore → Xiuhua → XiuhuaGeo
let package = Package(
    name: "Xiuhua",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "xiuhua", targets: ["xiuhua"]),
        .library(name: "Xiuhua", targets: ["Xiuhua"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // Already there beneath Hummingbird; named because the server's early-answer
        // handler works on NIO's HTTP parts directly.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    ],
    targets: [
        .target(name: "XiuhuaGeo"),
        .target(name: "Xiuhua", dependencies: ["XiuhuaGeo"]),
        .target(
            name: "XiuhuaStore",
            dependencies: [
                "Xiuhua",
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "XiuhuaServer",
            dependencies: [
                "XiuhuaStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "xiuhua",
            dependencies: [
                "XiuhuaServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // The benchmarks and the crash test load the server over real HTTP with it.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "XiuhuaGeoTests", dependencies: ["XiuhuaGeo"]),
        // Test helpers more than one test target uses (not shipped in a product).
        .target(name: "XiuhuaTestSupport", dependencies: ["Xiuhua"], path: "Tests/XiuhuaTestSupport"),
        .testTarget(name: "XiuhuaTests", dependencies: ["Xiuhua", "XiuhuaTestSupport"]),
        .testTarget(name: "XiuhuaStoreTests", dependencies: ["XiuhuaStore", "XiuhuaTestSupport"]),
        .testTarget(
            name: "XiuhuaServerTests",
            dependencies: [
                "XiuhuaServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
    ]
)
