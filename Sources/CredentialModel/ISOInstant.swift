/// ISO 8601 / RFC 3339 date-times as Unix seconds, for comparing validity dates with a JWT's `nbf` and
/// `exp` and with the time of verification. A date without a time is its first second, UTC; a time
/// without an offset is taken as UTC.
public enum ISOInstant {
    /// Seconds since 1970-01-01T00:00:00Z (a fraction dropped towards the past); nil when `text` is no
    /// date of the calendar (the day checked as ``ISODateText`` checks it).
    public static func seconds(_ text: String) -> Int64? {
        let c = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int64? {
            guard range.upperBound <= c.count else { return nil }
            var v: Int64 = 0
            for i in range {
                guard c[i] >= 0x30, c[i] <= 0x39 else { return nil }
                v = v * 10 + Int64(c[i] - 0x30)
            }
            return v
        }
        guard c.count >= 10, c[4] == UInt8(ascii: "-"), c[7] == UInt8(ascii: "-"),
              let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10),
              ISODateText.isDate(c[0..<10]) else { return nil }
        var seconds = daysFromCivil(year, month, day) * 86_400
        if c.count == 10 { return seconds }
        guard c.count >= 19, c[10] == UInt8(ascii: "T") || c[10] == UInt8(ascii: "t") || c[10] == UInt8(ascii: " "),
              c[13] == UInt8(ascii: ":"), c[16] == UInt8(ascii: ":"),
              let hour = digits(11..<13), let minute = digits(14..<16), let second = digits(17..<19),
              hour <= 23, minute <= 59, second <= 60 else { return nil }
        seconds += hour * 3600 + minute * 60 + min(second, 59)
        var i = 19
        if i < c.count, c[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < c.count, c[i] >= 0x30, c[i] <= 0x39 { i += 1 }
            guard i > start else { return nil }
        }
        if i == c.count { return seconds }
        if c[i] == UInt8(ascii: "Z") || c[i] == UInt8(ascii: "z") { return i + 1 == c.count ? seconds : nil }
        guard c[i] == UInt8(ascii: "+") || c[i] == UInt8(ascii: "-"), c.count == i + 6, c[i + 3] == UInt8(ascii: ":"),
              let oh = digits((i + 1)..<(i + 3)), let om = digits((i + 4)..<(i + 6)), oh <= 23, om <= 59 else { return nil }
        let offset = oh * 3600 + om * 60
        return c[i] == UInt8(ascii: "+") ? seconds - offset : seconds + offset
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days-from-civil, public domain).
    static func daysFromCivil(_ y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date-time text of Unix seconds, UTC.
    public static func text(_ seconds: Int64) -> String {
        switch UnixTime.isoDateTime(fromSeconds: String(seconds)) {
        case .success(let s): return s
        case .failure: return "\(seconds) (Unix time)"
        }
    }
}
