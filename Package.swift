// swift-tools-version:6.1
// credconv: converts learning credentials (Open Badges, Europass, printable certificates)
// through one internal micro-credential model.
import PackageDescription

let package = Package(
    name: "credconv",
    products: [
        .executable(name: "credconv", targets: ["credconv"]),
        // The library other Swift programs (a registrar's service, say) use to convert without the CLI.
        .library(name: "CredConv", targets: ["CredentialConversion"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // X.509 certificates and PEM documents, for verification keys (JOSE module only).
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        // `swift package generate-documentation` for the library's DocC catalog.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // Strict JSON: positions, duplicate keys, limits, number text kept; deterministic writer.
        .target(name: "CredconvJSON"),
        // libxml2, the only C library; only XMLSupport touches it.
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        // Safe XML parsing (no DTD, no entities, no network), writing and local-only XSD validation.
        .target(name: "XMLSupport", dependencies: ["CLibXML2"]),
        // The format-neutral micro-credential model and EU vocabularies.
        .target(name: "CredentialModel", dependencies: ["CredconvJSON"]),
        // Typed, located access to JSON documents, shared by the JSON-based format modules.
        .target(name: "JSONMapping", dependencies: ["CredentialModel", "CredconvJSON"]),
        // The protocol every format implements, its read and write contexts, and the registry.
        .target(name: "FormatInterface", dependencies: ["CredentialModel", "CredconvJSON", "JSONMapping"]),
        // Wrappers that hold credentials: verifiable presentations, envelope objects.
        .target(name: "Presentations", dependencies: ["CredentialModel", "CredconvJSON", "JSONMapping", "FormatInterface"]),
        // Open Badges readers and writers (3.0 JSON-LD, VC-JWT, 2.0).
        .target(name: "OpenBadges", dependencies: ["CredentialModel", "CredconvJSON", "JSONMapping", "FormatInterface"]),
        // 1EdTech Comprehensive Learner Record 2.0: a learner's record of several credentials.
        .target(name: "ComprehensiveLearnerRecord", dependencies: ["CredentialModel", "CredconvJSON", "JSONMapping", "FormatInterface"]),
        // Open Badges baked into PNG and SVG images: find, read and write the badge.
        .target(name: "BakedImages", dependencies: ["XMLSupport", "CredentialModel", "CredconvJSON", "FormatInterface"]),
        // credconv's model as a JSON format.
        .target(name: "ModelFormat", dependencies: ["CredentialModel", "CredconvJSON", "JSONMapping", "FormatInterface"]),
        // Pictures of certificate pages with headless Chromium and pdftoppm (the only module that spawns processes).
        .target(name: "PageRendering", dependencies: ["CredentialModel", "FormatInterface"]),
        // Recipient identity hashes (sha256$…).
        .target(name: "CredentialHashing", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // zlib, for the GZIP bitstrings of status lists.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        // JOSE: compact JWS signing and verification, JWK, PEM and DID keys (did:key, did:jwk), offline
        // key resolution, X.509 chains (x5c) validated against given trust anchors.
        .target(
            name: "JOSE",
            dependencies: [
                "CredconvJSON",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ]),
        // RDF datasets, N-Quads and RDF Dataset Canonicalization (RDFC-1.0), for Data Integrity proofs.
        .target(name: "RDFCanonicalization", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // JSON-LD 1.1: context processing, expansion and conversion to RDF, with an offline document loader
        // and the contexts credconv needs embedded (contexts/, compiled in by the EmbedContexts plugin).
        .target(
            name: "JSONLD", dependencies: ["CredconvJSON", "RDFCanonicalization"], exclude: ["contexts"],
            plugins: ["EmbedContexts"]),
        .plugin(name: "EmbedContexts", capability: .buildTool()),
        // Data Integrity proofs (eddsa-rdfc-2022, ecdsa-rdfc-2019, the JCS suites, Ed25519Signature2020 verified):
        // proof configuration, canonicalization, hashing, signing, proof sets and chains.
        .target(
            name: "DataIntegrity",
            dependencies: ["CredconvJSON", "JOSE", "JSONLD", "RDFCanonicalization", .product(name: "Crypto", package: "swift-crypto")]),
        // Verifying signed credentials: the checks (algorithm, key, signature, issuer binding, claims,
        // dates, status lists) and their report. Format-neutral: it sees JWS, JSON and the model.
        .target(name: "CredentialVerification", dependencies: ["JOSE", "DataIntegrity", "JSONLD", "SDJWT", "CredconvJSON", "CredentialModel", "CZlib"]),
        // SD-JWT (IETF): disclosures, digests, the compact serialisation, issuing and processing selective
        // disclosures. Signing and verifying the JWTs is JOSE's.
        .target(name: "SDJWT", dependencies: ["CredconvJSON", .product(name: "Crypto", package: "swift-crypto")]),
        // The EU Digital Identity Wallet's Learning Credential (SD-JWT VC) reader and writer.
        .target(name: "EUDILearningCredential", dependencies: ["CredentialModel", "CredconvJSON", "JSONMapping", "FormatInterface", "SDJWT"]),
        // A QR Code encoder (ISO/IEC 18004), for certificates.
        .target(name: "QRCode"),
        // Europass ELM v3 JSON-LD (what the EU's EDC tools issue today) reader and writer.
        .target(name: "EuropassJSONLD", dependencies: ["CredentialModel", "CredconvJSON", "JSONMapping", "FormatInterface"]),
        // Printable HTML certificates that carry their data.
        .target(name: "HTMLCertificate", dependencies: ["CredentialModel", "CredconvJSON", "QRCode", "FormatInterface"]),
        // Europass ELM v2 credential XML reader and writer.
        .target(name: "Europass", dependencies: ["CredentialModel", "CredconvJSON", "XMLSupport", "FormatInterface"]),
        // Format registry, detection, pipeline and loss report.
        .target(
            name: "CredentialConversion",
            dependencies: [
                "CredentialModel", "CredconvJSON", "FormatInterface", "OpenBadges", "Europass", "EuropassJSONLD",
                "HTMLCertificate", "BakedImages", "ModelFormat", "CredentialHashing", "XMLSupport", "Presentations",
                "JOSE", "CredentialVerification", "DataIntegrity", "RDFCanonicalization", "JSONLD",
                "EUDILearningCredential", "SDJWT", "ComprehensiveLearnerRecord",
            ]),
        .executableTarget(
            name: "credconv",
            dependencies: [
                "CredentialConversion",
                "CredentialModel",
                "CredconvJSON",
                "FormatInterface",
                "HTMLCertificate",
                "EuropassJSONLD",
                "PageRendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers the test targets share: reference data, oracles, golden files, running the binary.
        .target(name: "CredconvTestSupport", dependencies: ["CredentialModel"], path: "Tests/CredconvTestSupport"),
        .testTarget(name: "CredconvJSONTests", dependencies: ["CredconvJSON", "CredconvTestSupport"]),
        .testTarget(name: "XMLSupportTests", dependencies: ["XMLSupport", "CredconvTestSupport"]),
        .testTarget(name: "BakedImagesTests", dependencies: ["BakedImages", "CredconvTestSupport"]),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode", "CredconvTestSupport"]),
        .testTarget(name: "HTMLCertificateTests", dependencies: ["HTMLCertificate", "CredentialModel", "CredconvJSON", "OpenBadges", "CredconvTestSupport"]),
        .testTarget(
            name: "OpenBadgesTests",
            dependencies: ["OpenBadges", "CredentialModel", "CredconvJSON", "JSONMapping", "CredconvTestSupport"]
        ),
        .testTarget(
            name: "EuropassTests",
            dependencies: ["Europass", "XMLSupport", "CredentialModel", "CredconvTestSupport"]
        ),
        .testTarget(
            name: "EuropassJSONLDTests",
            dependencies: ["EuropassJSONLD", "CredentialModel", "CredconvJSON", "CredconvTestSupport"]
        ),
        .testTarget(
            name: "CredentialConversionTests",
            dependencies: ["CredentialConversion", "CredentialModel", "CredconvJSON", "JSONMapping", "OpenBadges", "CredconvTestSupport"]
        ),
        .testTarget(name: "DataIntegrityTests", dependencies: ["DataIntegrity", "JOSE", "JSONLD", "CredconvJSON", "CredconvTestSupport"]),
        .testTarget(name: "JSONLDTests", dependencies: ["JSONLD", "RDFCanonicalization", "CredconvJSON", "CredconvTestSupport"]),
        .testTarget(name: "RDFCanonicalizationTests", dependencies: ["RDFCanonicalization", "CredconvTestSupport"]),
        .testTarget(name: "SDJWTTests", dependencies: ["SDJWT", "CredconvJSON", "CredconvTestSupport"]),
        .testTarget(
            name: "EUDILearningCredentialTests",
            dependencies: ["EUDILearningCredential", "SDJWT", "CredentialModel", "CredconvJSON", "CredconvTestSupport"]),
        .testTarget(name: "JOSETests", dependencies: ["JOSE", "CredconvJSON", "CredconvTestSupport"]),
        .testTarget(
            name: "CredentialVerificationTests",
            dependencies: ["CredentialVerification", "DataIntegrity", "JOSE", "CredconvJSON", "CredentialModel", "CredconvTestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["credconv", "CredconvJSON", "CredconvTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzz targets (libFuzzer), only when asked: `CREDCONV_FUZZ=1 scripts/fuzz.sh` builds them with the
// sanitizers; a normal build and `swift test` never see them.
if Context.environment["CREDCONV_FUZZ"] == "1" {
    let fuzzTargets = [
        "FuzzJSONParser", "FuzzOB3", "FuzzOB3JWT", "FuzzOB2", "FuzzELMXML", "FuzzELM3", "FuzzHTML", "FuzzPNG", "FuzzSVG",
        "FuzzModel", "FuzzDetect", "FuzzRoundTrip", "FuzzVerify", "FuzzJSONLD", "FuzzSDJWT",
    ]
    package.targets.append(.target(name: "FuzzSupport", dependencies: ["CredentialConversion", "CredconvJSON"], path: "Sources/Fuzz/FuzzSupport"))
    for name in fuzzTargets {
        package.targets.append(.executableTarget(
            name: name, dependencies: ["FuzzSupport", "CredentialConversion", "CredconvJSON"], path: "Sources/Fuzz/\(name)",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
        package.products.append(.executable(name: name, targets: [name]))
    }
}

