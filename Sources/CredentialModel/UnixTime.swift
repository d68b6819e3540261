/// Unix times (seconds since 1970-01-01T00:00:00Z, as Open Badges 1.0 `issuedOn` and JWT `nbf`/`exp`
/// give them) as ISO 8601 date-times, checked: only years 1–9999 have an ISO 8601 form every reader
/// takes, so a time outside them is refused, never turned into a wrong date. No Foundation.
public enum UnixTime {
    /// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
    public static let earliest: Int64 = -62_135_596_800
    public static let latest: Int64 = 253_402_300_799

    /// Why a number is not a Unix time credconv converts.
    public enum Failure: Error, Sendable, Equatable {
        case notANumber
        case outOfRange
    }

    /// `1262304000` → `2010-01-01T00:00:00Z`; a fraction of a second is dropped (towards the past).
    public static func isoDateTime(fromSeconds text: String) -> Swift.Result<String, Failure> {
        guard let seconds = Double(text.trimmingSpaces()), seconds.isFinite else {
            return .failure(Double(text.trimmingSpaces()) == nil ? .notANumber : .outOfRange)
        }
        let whole = seconds.rounded(.down)
        guard whole >= Double(earliest), whole <= Double(latest) else { return .failure(.outOfRange) }
        return .success(isoDateTime(Int64(whole)))
    }

    /// The date-time of whole seconds in range (``earliest``…``latest``).
    static func isoDateTime(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let secondOfDay = seconds - days * 86_400
        let (y, m, d) = civilDate(daysSinceEpoch: days)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = String(y)
        let paddedYear = String(repeating: "0", count: max(0, 4 - year.count)) + year
        return "\(paddedYear)-\(two(m))-\(two(d))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }

    /// Year, month, day of a day count from 1970-01-01 in the proleptic Gregorian calendar (the
    /// days-to-civil algorithm of H. Hinnant's date library, public domain).
    static func civilDate(daysSinceEpoch z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
