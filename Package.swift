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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
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
        // The `northstar` command: parses arguments, calls the library, prints.
        .executableTarget(
            name: "NorthstarCLI",
            dependencies: [
                "NorthstarCore",
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
            name: "NorthstarCLITests",
            dependencies: ["NorthstarCLI"],
            swiftSettings: swiftSettings
        ),
    ]
)
