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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
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
        // The `northstar` command: parses arguments, calls the library, prints.
        .executableTarget(
            name: "NorthstarCLI",
            dependencies: [
                "NorthstarCore",
                "NorthstarStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
            name: "NorthstarCLITests",
            dependencies: ["NorthstarCLI", "NorthstarStore", "NorthstarCore"],
            swiftSettings: swiftSettings
        ),
    ]
)
