import CredconvJSON
import CredconvTestSupport
@testable import CredentialConversion
import Foundation
import Testing

/// A loss names the model field that was lost: its path leads to a value the model holds. A writer
/// that reports an organisation's losses under its role ("awarding body.identifiers") instead of its
/// place ("awarding.bodies[0].identifiers") fails here, as does one that reports a field it wrote.
@Suite("Loss report: every lost field is a field of the model")
struct LossPlacesTests {
    static let samples = ["ob3-microcredential.json", "elm-microcredential.jsonld", "elm-microcredential.xml", "ob2-microcredential.json", "ob3-open-data-law.json", "ob3-certificate-digital-public-administration.json"]

    /// The stored properties of a credential: the first step of every model path.
    static let credentialFields = Set(Mirror(reflecting: Credential(provenance: Provenance(sourceFormat: "test"))).children.compactMap(\.label))

    static var targets: [FormatName] {
        FullModelOracleTests.writableAndReadable.filter { $0 != .model && $0 != .eudiLearningCredential }
    }

    @Test(arguments: samples)
    func lostFieldsAreModelFields(_ sample: String) throws {
        let bytes = [UInt8](try Data(contentsOf: TestPaths.repository("samples/\(sample)")))
        var readReport = ConversionReport()
        let credential = try Converter().read(bytes, options: ConversionOptions(to: .model), report: &readReport).0
        try Self.expectLostFieldsAreModelFields(of: credential, input: bytes, named: sample)
    }

    /// The generated credential with every model property set.
    @Test func lostFieldsOfTheFullModelAreModelFields() throws {
        try Self.expectLostFieldsAreModelFields(of: ModelSampler.make().credential, input: [], named: "sampler")
    }

    static func expectLostFieldsAreModelFields(of credential: Credential, input bytes: [UInt8], named sample: String) throws {
        let document = try ModelFormat.encode(credential)
        let record = try LossAccounting.encode(LearnerRecord(splitting: credential))
        #expect(Self.targets.count >= 6)
        for target in Self.targets {
            var options = ConversionOptions(to: target)
            options.pageImage = .none
            var report = ConversionReport()
            _ = try Converter().write(credential, options: options, input: bytes, report: &report)
            // A warning may name a field the model lacks (a value the writer had to supply), but
            // always one of the model's.
            for d in report.warnings {
                guard case .modelPath(let path)? = d.location else { continue }
                let first = KeptFields.tokens(path).first ?? ""
                #expect(Self.credentialFields.contains(first) || (first == "entries" && path.hasPrefix("entries[")), "\(sample) -> \(target): warning at \(path), no field of the model (\(d.message))")
            }
            for d in report.lost {
                // A kept source property is reported where it was in the source (the generated
                // credential's are placed at model paths of their own, under `extensions`).
                guard case .modelPath(let path)? = d.location, !path.contains(".extensions.") else { continue }
                // The writers of learner records (CLR, the HTML certificate) name the fields of the
                // record they make of the credential (one entry per achievement).
                let held = KeptFields.value(at: KeptFields.tokens(path), in: path.hasPrefix("entries[") ? record : document)
                #expect(held.map { !LossAccounting.isEmpty($0) } ?? false, "\(sample) -> \(target): \(path) is no field the model holds (\(d.message))")
            }
        }
    }

    /// The ELM v3 sample's issuer dates its credential; Open Badges 3.0 carries the date of issue
    /// (credconv's `issued`) even when it is also the validFrom.
    @Test func dateOfIssueSurvivesOpenBadges() throws {
        let bytes = [UInt8](try Data(contentsOf: TestPaths.repository("samples/elm-microcredential.jsonld")))
        var options = ConversionOptions(to: .ob3)
        options.pageImage = .none
        let result = try Converter().convert(bytes, options: options)
        #expect(!result.report.lost.contains { $0.location == .modelPath("issued") })
        var report = ConversionReport()
        let back = try Converter().read(result.bytes, options: ConversionOptions(to: .model), report: &report).0
        #expect(back.issued == "2026-06-30T00:00:00Z")
    }
}

/// Open Badges 2.0 has one recipient identity: a learner known only by id goes there as a URL and
/// comes back as the learner's id; the credential's id becomes the assertion's, said so.
@Suite("Open Badges 2.0: the learner's id and the credential's id")
struct OpenBadges2IdentityTests {
    @Test func learnerIdRoundTripsAndCredentialIdIsNamed() throws {
        var d = try #require(try JSONParser().parse([UInt8](try Data(contentsOf: TestPaths.repository("samples/ob3-microcredential.json")))).objectValue)
        var subject = try #require(d["credentialSubject"]?.objectValue)
        subject.remove("identifier")
        d.set("credentialSubject", .object(subject))
        let result = try Converter().convert(JSONWriter(style: .pretty).bytes(.object(d)), options: ConversionOptions(to: .ob2))
        let assertion = try #require(try JSONParser().parse(result.bytes).objectValue)
        #expect(assertion["recipient"]?.objectValue?["type"] == .string("url"))
        #expect(assertion["id"] == d["id"])
        #expect(result.report.warnings.contains { $0.location == .modelPath("id") && $0.code == .writtenDifferently })
        #expect(!result.report.lost.contains { $0.location == .modelPath("learner.id") || $0.location == .modelPath("id") })
        var report = ConversionReport()
        let back = try Converter().read(result.bytes, options: ConversionOptions(to: .model), report: &report).0
        #expect(back.learner.id == "did:example:learner-8f3a2b")
    }
}
