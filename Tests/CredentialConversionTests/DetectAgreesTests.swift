import CredconvTestSupport
import CredentialConversion
import Foundation
import Testing

/// `detect` names a format only for what that format's reader accepts: on every file of the samples
/// and the reference folder, detection succeeds exactly when `convert -t model` does, and a refusal
/// carries the reader's reason.
@Suite("detect agrees with the readers")
struct DetectAgreesTests {
    static func files(under root: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.path < $1.path }
    }

    @Test(.enabled(if: TestPaths.referenceAvailable, "../shared/reference is absent: skipped"))
    func onEveryReferenceAndSampleFile() throws {
        let files = Self.files(under: TestPaths.reference) + Self.files(under: TestPaths.repository("samples"))
        #expect(files.count > 100)
        let options = ConversionOptions(to: .model)
        var detectedCount = 0
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: file))
            var report = ConversionReport()
            // A learner record (CLR) reads as a record; anything else as one credential.
            let reads = (try? Converter().read(bytes, options: options, report: &report)) != nil
                || ((try? Converter().readRecordIfAny(bytes, options: options, report: &report)) ?? nil) != nil
            let detected: Bool
            do {
                _ = try Converter().detect(bytes, options: options)
                detected = true
            } catch {
                detected = false
                // A refusal of content that looked like a format says so and gives the reader's reason.
                if (try? Converter().formats.detect(bytes, limits: options.jsonLimits)) != nil {
                    #expect(error.message.hasPrefix("looks like "), "\(file.path): \(error.message)")
                }
            }
            #expect(detected == reads, "\(file.path): detect \(detected), read \(reads)")
            if detected { detectedCount += 1 }
        }
        #expect(detectedCount > 30)
    }

    @Test func theCommandSaysWhatItLookedLike() throws {
        // Europass XML in no namespace: looks like Europass XML, but its reader refuses it.
        let xml = #"<?xml version="1.0"?><europassCredential id="urn:x"><credentialSubject/></europassCredential>"#
        let r = try ProcessRunner.credconv(["detect"], stdin: Array(xml.utf8))
        let convert = try ProcessRunner.credconv(["-t", "model"], stdin: Array(xml.utf8))
        #expect(r.status == convert.status)
        if r.status != 0 {
            #expect(r.status == 65)
            #expect(r.stdout.isEmpty)
        }
        let sample = try ProcessRunner.credconv(["detect", TestPaths.repository("samples/elm-microcredential.xml").path])
        #expect(sample.status == 0 && sample.stdoutText.hasPrefix("elm-xml\t"))
    }
}
