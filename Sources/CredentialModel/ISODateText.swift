/// Normalises the date texts credentials carry to the XML Schema forms Europass wants.
///
/// Checked against the calendar (month 01–12, the days the month has, leap years; hours 00–23 or
/// `24:00:00`, minutes and seconds 00–59, offsets up to ±14:00), so a text no schema validator would
/// take (`2024-02-30`, `2024-13-01T00:00:00Z`) is never written as a date. Years have four digits
/// (0001–9999); the longer and negative years XML Schema allows are refused.
public enum ISODateText {
    /// An `xsd:dateTime` for a date or date-time (`2026-06-30` → `2026-06-30T00:00:00Z`; RFC 3339's
    /// lower-case `t`/`z` and a space between date and time become `T`/`Z`); nil when it is neither.
    public static func dateTime(_ value: String) -> String? {
        let v = Array(value.trimmingSpaces().utf8)
        guard isDate(v[...].prefix(10)) else { return nil }
        if v.count == 10 { return String(decoding: v, as: UTF8.self) + "T00:00:00Z" }
        guard v.count > 10, [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(v[10]),
              let zone = timeEnd(v[11...]), zone == v.endIndex || isTimezone(v[zone...])
        else { return nil }
        var out = v
        out[10] = UInt8(ascii: "T")
        if out.last == UInt8(ascii: "z") { out[out.count - 1] = UInt8(ascii: "Z") }
        return String(decoding: out, as: UTF8.self)
    }

    /// An `xsd:date` for a date or date-time (the date part); nil when it is neither.
    public static func date(_ value: String) -> String? {
        let v = value.trimmingSpaces()
        if v.utf8.count == 10 { return isDate(Array(v.utf8)[...]) ? v : nil }
        return dateTime(v).map { String($0.prefix(10)) }
    }

    /// `YYYY-MM-DD`, a day the month has.
    static func isDate(_ c: ArraySlice<UInt8>) -> Bool {
        guard c.count == 10, let year = number(c, 0, 4), let month = number(c, 5, 2), let day = number(c, 8, 2),
              c[c.startIndex + 4] == UInt8(ascii: "-"), c[c.startIndex + 7] == UInt8(ascii: "-"),
              year >= 1, (1...12).contains(month), day >= 1
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }

    /// Where a time `hh:mm:ss` with an optional fraction ends (`24:00:00` with no more than zeros
    /// after it is midnight at the day's end); nil when `c` does not start with one.
    static func timeEnd(_ c: ArraySlice<UInt8>) -> Int? {
        guard c.count >= 8, let hour = number(c, 0, 2), let minute = number(c, 3, 2), let second = number(c, 6, 2),
              c[c.startIndex + 2] == UInt8(ascii: ":"), c[c.startIndex + 5] == UInt8(ascii: ":"),
              minute <= 59, second <= 59, hour <= 24
        else { return nil }
        var i = c.startIndex + 8
        var fractionIsZero = true
        if i < c.endIndex, c[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < c.endIndex, (0x30...0x39).contains(c[i]) {
                if c[i] != 0x30 { fractionIsZero = false }
                i += 1
            }
            guard i > start else { return nil }
        }
        if hour == 24 && !(minute == 0 && second == 0 && fractionIsZero) { return nil }
        return i
    }

    /// `Z` (or RFC 3339's `z`), or an offset `+hh:mm` / `-hh:mm` of at most 14 hours.
    static func isTimezone(_ c: ArraySlice<UInt8>) -> Bool {
        if c.count == 1 { return c.first == UInt8(ascii: "Z") || c.first == UInt8(ascii: "z") }
        guard c.count == 6, c.first == UInt8(ascii: "+") || c.first == UInt8(ascii: "-"), c[c.startIndex + 3] == UInt8(ascii: ":"),
              let hours = number(c, 1, 2), let minutes = number(c, 4, 2), minutes <= 59
        else { return false }
        return hours < 14 || (hours == 14 && minutes == 0)
    }

    /// The decimal number of `length` ASCII digits at `offset` in `c`; nil when one is not a digit.
    private static func number(_ c: ArraySlice<UInt8>, _ offset: Int, _ length: Int) -> Int? {
        guard c.count >= offset + length else { return nil }
        var value = 0
        for b in c[(c.startIndex + offset)..<(c.startIndex + offset + length)] {
            guard (0x30...0x39).contains(b) else { return nil }
            value = value * 10 + Int(b - 0x30)
        }
        return value
    }
}

/// Workloads as ISO 8601 durations, read as text: no conversion to a number that could overflow.
public enum WorkloadText {
    /// The number of hours of a `PTnH` duration as it is written (`PT150H` → `150`, `PT7.5H` → `7.5`);
    /// nil for any other form (`P1M`, `PT1e300H`, `PTinfH`), which is then shown as written.
    public static func hours(_ iso: String) -> String? {
        let v = iso.trimmingSpaces()
        guard v.hasPrefix("PT"), v.hasSuffix("H"), v.count > 3 else { return nil }
        let n = v.dropFirst(2).dropLast()
        let parts = n.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        var whole = String(parts[0].drop { $0 == "0" })
        if whole.isEmpty { whole = "0" }
        if parts.count == 2 {
            let fraction = String(parts[1].reversed().drop { $0 == "0" }.reversed())
            return fraction.isEmpty ? whole : whole + "." + fraction
        }
        return whole
    }
}
