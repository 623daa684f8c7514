// swift-tools-version:6.1
// The swift-tools-version declares the minimum version of Swift required to build this package.

import PackageDescription

let swiftSettings: [SwiftSetting] = [
    // https://github.com/apple/swift-evolution/blob/main/proposals/0335-existential-any.md
    .enableUpcomingFeature("ExistentialAny"),

    // https://github.com/swiftlang/swift-evolution/blob/main/proposals/0444-member-import-visibility.md
    .enableUpcomingFeature("MemberImportVisibility"),

    // https://github.com/swiftlang/swift-evolution/blob/main/proposals/0409-access-level-on-imports.md
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "northstar",
    products: [
        .executable(name: "northstar", targets: ["NorthstarCLI"]),
        .library(name: "NorthstarCore", targets: ["NorthstarCore"]),
        .library(name: "NorthstarStore", targets: ["NorthstarStore"]),
        .library(name: "NorthstarServer", targets: ["NorthstarServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // The domain: charter, wording. No web framework, no database driver.
        .target(
            name: "NorthstarCore",
            dependencies: [
                .product(name: "Yams", package: "Yams")
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        // The storage: one `Store` protocol, SQLite and PostgreSQL implementations, migrations.
        .target(
            name: "NorthstarStore",
            dependencies: [
                "NorthstarCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        // The dashboard and JSON API (Hummingbird 2): `buildApplication(...)`, controllers, HTML views.
        .target(
            name: "NorthstarServer",
            dependencies: [
                "NorthstarCore",
                "NorthstarStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources/openapi.yaml")],
            swiftSettings: swiftSettings
        ),
        // The `northstar` command: parses arguments, calls the library, prints.
        .executableTarget(
            name: "NorthstarCLI",
            dependencies: [
                "NorthstarCore",
                "NorthstarStore",
                "NorthstarServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "NorthstarCoreTests",
            dependencies: ["NorthstarCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "NorthstarStoreTests",
            dependencies: [
                "NorthstarStore",
                "NorthstarCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "NorthstarServerTests",
            dependencies: [
                "NorthstarServer",
                "NorthstarStore",
                "NorthstarCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "NorthstarCLITests",
            dependencies: ["NorthstarCLI", "NorthstarStore", "NorthstarCore", "NorthstarServer"],
            swiftSettings: swiftSettings
        ),
    ]
)
