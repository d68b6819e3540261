import CredconvJSON
import CredconvTestSupport
import CredentialConversion
import Foundation
import Testing

/// Dates written into Europass must be dates an XML Schema validator takes: checked against
/// xmllint's own `xs:dateTime` and `xs:date`, not against a list of our own.
@Suite("Date texts against the calendar")
struct ISODateTextTests {
    /// Texts near every edge: month and day bounds, leap years, hour 24, fractions, offsets.
    static let candidates: [String] = {
        var out: [String] = []
        for (year, month, day) in [(2024, 2, 29), (2023, 2, 29), (1900, 2, 29), (2000, 2, 29), (2024, 4, 30), (2024, 4, 31),
                                   (2024, 12, 31), (2024, 13, 1), (2024, 0, 10), (2024, 1, 0), (2024, 1, 32), (1, 1, 1), (0, 1, 1), (9999, 12, 31)] {
            out.append(String(format: "%04d-%02d-%02d", year, month, day))
        }
        for time in ["00:00:00", "23:59:59", "24:00:00", "24:00:00.000", "24:00:01", "24:00:00.5", "12:60:00", "12:00:60",
                     "12:00:00.123456", "12:00:00.", "12:00", "1:00:00", "12:00:00,5"] {
            out.append("2024-06-30T\(time)Z")
        }
        for zone in ["", "Z", "+00:00", "-00:00", "+14:00", "-14:00", "+14:01", "+13:59", "+15:00", "+05:60", "+0530", "+05", "ZZ"] {
            out.append("2024-06-30T10:00:00\(zone)")
        }
        out += ["2024-06-30T", "2024-6-30", "2024/06/30", "24-06-30T00:00:00Z", "2024-06-30X10:00:00Z", "+2024-06-30T00:00:00Z"]
        return out
    }()

    @Test func dateTimesAreTheOnesXmllintTakes() throws {
        guard Oracle.programAvailable("xmllint") else { return }
        let dateTimes = Self.candidates.filter { $0.count > 10 }
        let theirs = try Oracle.xmlSchemaAccepts(dateTimes, as: "xs:dateTime")
        for (text, accepted) in zip(dateTimes, theirs) {
            #expect((ISODateText.dateTime(text) != nil) == accepted, "\(text): xmllint \(accepted ? "takes" : "refuses") it")
        }
        let dates = Self.candidates.filter { $0.count == 10 }
        for (text, accepted) in zip(dates, try Oracle.xmlSchemaAccepts(dates, as: "xs:date")) {
            #expect((ISODateText.date(text) != nil) == accepted, "\(text): xmllint \(accepted ? "takes" : "refuses") it as a date")
            #expect((ISODateText.dateTime(text) != nil) == accepted, "\(text) as a date-time")
        }
    }

    @Test func whatIsWrittenIsAlwaysASchemaDateTime() throws {
        guard Oracle.programAvailable("xmllint") else { return }
        let rfc3339 = ["2024-06-30t10:00:00z", "2024-06-30 10:00:00+02:00", "2024-06-30", " 2024-06-30T10:00:00Z "]
        let written = (Self.candidates + rfc3339).compactMap(ISODateText.dateTime)
        #expect(written.count > 20)
        for (text, accepted) in zip(written, try Oracle.xmlSchemaAccepts(written, as: "xs:dateTime")) { #expect(accepted, "\(text)") }
        #expect(ISODateText.dateTime("2024-06-30t10:00:00z") == "2024-06-30T10:00:00Z")
        #expect(ISODateText.dateTime("2024-06-30 10:00:00+02:00") == "2024-06-30T10:00:00+02:00")
        #expect(ISODateText.date("2024-06-30T23:30:00-05:00") == "2024-06-30")
        #expect(ISODateText.date("2024-02-30T00:00:00Z") == nil)
        // The verifier's instants follow the same calendar.
        #expect(ISOInstant.seconds("2024-02-30T00:00:00Z") == nil)
        #expect(ISOInstant.seconds("2024-02-29T00:00:00Z") == 1_709_164_800)
    }

    /// A credential whose validity date is no calendar date: Europass XML leaves it out and says so,
    /// and what it writes still validates.
    @Test func anImpossibleDateIsReportedNotWritten() throws {
        var credential = try #require(try JSONParser().parse([UInt8](try Data(contentsOf: TestPaths.repository("samples/ob3-microcredential.json")))).objectValue)
        credential.set("validFrom", .string("2024-02-30T00:00:00Z"))
        let output = try Converter().convert(JSONWriter(style: .compact).bytes(.object(credential)), options: ConversionOptions(to: .elmXML))
        #expect(!String(decoding: output.bytes, as: UTF8.self).contains("2024-02-30"))
        #expect(output.report.lost.contains { $0.location == .modelPath("validFrom") && $0.code == .valueNotExpressible })
    }
}
