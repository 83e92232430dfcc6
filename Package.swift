// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Switchboard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "switchboard", targets: ["switchboard"]),
        .executable(name: "switchboard-fuzz", targets: ["SwitchboardFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // `switchboard serve`: a small HTTP and WebSocket server without SwiftNIO (docs/serve.md says why).
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // The cmark-gfm C library from Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Markdown to HTML; the only module that sees the C API.
        .target(name: "SwitchboardMarkdown", dependencies: ["CCmarkGFM"]),
        // Diagnostics, schemas, loading and validation of content/ into a Site.
        .target(
            name: "SwitchboardModel",
            dependencies: ["SwitchboardMarkdown", .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Rendering, search index, status outputs and the output sink.
        .target(
            name: "SwitchboardBuilder",
            dependencies: [
                "SwitchboardModel",
                "SwitchboardMarkdown",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // `switchboard serve`: in-memory builds, the HTTP server, file watching, live reload, error overlay.
        .target(
            name: "SwitchboardServe",
            dependencies: [
                "SwitchboardBuilder",
                "SwitchboardModel",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "switchboard",
            dependencies: [
                "SwitchboardBuilder",
                "SwitchboardModel",
                "SwitchboardServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer targets (`make fuzz`); built normally, it replays inputs given as arguments.
        .executableTarget(
            name: "SwitchboardFuzz",
            dependencies: ["SwitchboardBuilder", "SwitchboardModel", "SwitchboardMarkdown"]
        ),
        .testTarget(name: "SwitchboardMarkdownTests", dependencies: ["SwitchboardMarkdown"]),
        .testTarget(name: "SwitchboardModelTests", dependencies: ["SwitchboardModel"]),
        .testTarget(name: "SwitchboardBuilderTests", dependencies: [
            "SwitchboardBuilder", "SwitchboardModel", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .testTarget(name: "SwitchboardServeTests", dependencies: ["SwitchboardServe", "SwitchboardBuilder", "SwitchboardModel"]),
        .testTarget(name: "SwitchboardEndToEndTests", dependencies: ["SwitchboardModel"]),
    ]
)
