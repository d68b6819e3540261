/// ISO 8601 durations as XML Schema's `xs:duration`, which Europass XML and ELM want: no weeks, and a
/// fraction only on the seconds.
///
/// The conversion is exact, on the digits: weeks become days (`P3W` → `P21D`), and a fraction of a
/// day, hour or minute is carried into the smaller units (`PT7.5H` → `PT7H30M`, `P0.5D` → `PT12H`).
/// A fraction of a year or a month has no fixed length and is not converted.
public enum XSDDuration {
    /// The `xs:duration` equal to the ISO 8601 duration `value` (itself when it is one already); nil
    /// when `value` is no ISO 8601 duration, or holds what has no exact `xs:duration`.
    public static func normalised(_ value: String) -> String? {
        var text = Array(value.trimmingSpaces().utf8)
        var sign: [UInt8] = []
        if text.first == UInt8(ascii: "-") {
            sign = [UInt8(ascii: "-")]
            text.removeFirst()
        }
        guard let parts = Parts(text) else { return nil }
        if parts.isSchemaDuration { return String(decoding: sign + text, as: UTF8.self) }
        guard let written = parts.carried() else { return nil }
        return String(decoding: sign + written, as: UTF8.self)
    }

    /// A component's number: its whole part and the digits of its fraction.
    struct Amount {
        var whole: Int
        var fraction: [UInt8] = []
    }

    /// The components of a duration, by designator (`Y`, `M`, `W`, `D`; then `H`, `M`, `S` after `T`).
    struct Parts {
        var years, months, weeks, days, hours, minutes, seconds: Amount?
        /// A fraction written after `,` (ISO 8601 allows it; XML Schema does not).
        var decimalComma = false

        /// Parses `PnYnMnWnDTnHnMnS` (each part optional, in that order, at least one; only the last
        /// may have a fraction, after `.` or `,`).
        init?(_ c: [UInt8]) {
            guard c.count >= 3, c[0] == UInt8(ascii: "P") else { return nil }
            var i = 1
            var inTime = false
            var order = 0  // the next designator allowed, by its place in `designators`
            let designators: [(UInt8, Bool)] = [
                (UInt8(ascii: "Y"), false), (UInt8(ascii: "M"), false), (UInt8(ascii: "W"), false), (UInt8(ascii: "D"), false),
                (UInt8(ascii: "H"), true), (UInt8(ascii: "M"), true), (UInt8(ascii: "S"), true),
            ]
            var sawFraction = false, componentsInTime = 0, components = 0
            while i < c.count {
                if c[i] == UInt8(ascii: "T") {
                    guard !inTime else { return nil }
                    inTime = true
                    order = max(order, 4)
                    i += 1
                    continue
                }
                // A number: at most 18 whole digits (an Int), at most 9 of fraction.
                let start = i
                while i < c.count, (0x30...0x39).contains(c[i]) { i += 1 }
                let wholeDigits = c[start..<i]
                var fraction: [UInt8] = []
                if i < c.count, c[i] == UInt8(ascii: ".") || c[i] == UInt8(ascii: ",") {
                    if c[i] == UInt8(ascii: ",") { decimalComma = true }
                    i += 1
                    let f = i
                    while i < c.count, (0x30...0x39).contains(c[i]) { i += 1 }
                    fraction = Array(c[f..<i])
                    guard !fraction.isEmpty, fraction.count <= 9 else { return nil }
                }
                guard !wholeDigits.isEmpty, wholeDigits.count <= 18, i < c.count, !sawFraction else { return nil }
                let designator = c[i]
                guard let slot = designators.indices.first(where: { $0 >= order && designators[$0].0 == designator && designators[$0].1 == inTime })
                else { return nil }
                let amount = Amount(whole: wholeDigits.reduce(0) { $0 * 10 + Int($1 - 0x30) }, fraction: fraction)
                switch slot {
                case 0: years = amount
                case 1: months = amount
                case 2: weeks = amount
                case 3: days = amount
                case 4: hours = amount
                case 5: minutes = amount
                default: seconds = amount
                }
                if !fraction.isEmpty { sawFraction = true }
                order = slot + 1
                components += 1
                if inTime { componentsInTime += 1 }
                i += 1
            }
            guard components > 0, !inTime || componentsInTime > 0 else { return nil }
        }

        /// No weeks, and a fraction only on the seconds (written with `.`).
        var isSchemaDuration: Bool {
            weeks == nil && !decimalComma && [years, months, days, hours, minutes].allSatisfy { $0?.fraction.isEmpty ?? true }
        }

        /// The duration written with weeks as days and fractions carried down to the seconds; nil for a
        /// fraction of a year or month, or a number too large for an Int.
        func carried() -> [UInt8]? {
            guard years?.fraction.isEmpty ?? true, months?.fraction.isEmpty ?? true else { return nil }
            var d = days, h = hours, m = minutes, s = seconds
            // Weeks into days (only the last part has a fraction: weeks with one have no days after them).
            if let w = weeks {
                guard let (whole, rest) = Self.times(w, 7), let sum = Self.sum(d?.whole, whole) else { return nil }
                d = Amount(whole: sum, fraction: rest.isEmpty ? d?.fraction ?? [] : rest)
            }
            // Then each fraction into the next unit down.
            func carry(_ from: inout Amount?, _ factor: Int, into to: inout Amount?) -> Bool {
                guard let amount = from, !amount.fraction.isEmpty else { return true }
                guard let (whole, rest) = Self.times(Amount(whole: 0, fraction: amount.fraction), factor),
                      let sum = Self.sum(to?.whole, whole) else { return false }
                from?.fraction = []
                to = Amount(whole: sum, fraction: rest)
                return true
            }
            guard carry(&d, 24, into: &h), carry(&h, 60, into: &m), carry(&m, 60, into: &s) else { return nil }
            var out: [UInt8] = [UInt8(ascii: "P")]
            func add(_ a: Amount?, _ designator: UInt8) {
                guard let a else { return }
                out += Array(String(a.whole).utf8)
                let fraction = a.fraction.reversed().drop { $0 == UInt8(ascii: "0") }.reversed()
                if !fraction.isEmpty { out += [UInt8(ascii: ".")] + fraction }
                out.append(designator)
            }
            add(years, UInt8(ascii: "Y"))
            add(months, UInt8(ascii: "M"))
            add(d, UInt8(ascii: "D"))
            if h != nil || m != nil || s != nil {
                out.append(UInt8(ascii: "T"))
                add(h, UInt8(ascii: "H"))
                add(m, UInt8(ascii: "M"))
                add(s, UInt8(ascii: "S"))
            }
            return out
        }

        /// `a + b`, nil on overflow.
        private static func sum(_ a: Int?, _ b: Int) -> Int? {
            let (total, overflow) = (a ?? 0).addingReportingOverflow(b)
            return overflow ? nil : total
        }

        /// `amount × factor` as a whole number and the digits of what is left of a unit.
        private static func times(_ amount: Amount, _ factor: Int) -> (Int, [UInt8])? {
            let scale = amount.fraction.reduce(1) { p, _ in p * 10 }
            let numerator = amount.fraction.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            let (product, overflow) = amount.whole.multipliedReportingOverflow(by: factor)
            guard !overflow else { return nil }
            let carried = numerator * factor
            let rest = carried % scale
            var digits = Array(String(rest).utf8)
            if !amount.fraction.isEmpty { digits = Array(repeating: UInt8(ascii: "0"), count: amount.fraction.count - digits.count) + digits }
            return (product + carried / scale, rest == 0 ? [] : digits)
        }
    }
}
