/// Normalises the date texts credentials carry to the XML Schema forms Europass wants.
public enum ISODateText {
    /// An `xsd:dateTime` for a date or date-time (`2026-06-30` → `2026-06-30T00:00:00Z`); nil when it is neither.
    public static func dateTime(_ value: String) -> String? {
        let v = value.trimmingSpaces()
        guard v.count >= 10, v.prefix(10).allSatisfy({ $0.isNumber || $0 == "-" }) else { return nil }
        if v.count == 10 { return v + "T00:00:00Z" }
        return v.utf8.contains(UInt8(ascii: "T")) ? v : nil
    }

    /// An `xsd:date` for a date or date-time (the date part); nil when it is neither.
    public static func date(_ value: String) -> String? {
        let v = value.trimmingSpaces()
        guard v.count >= 10, v.prefix(10).allSatisfy({ $0.isNumber || $0 == "-" }) else { return nil }
        return String(v.prefix(10))
    }

    /// Whether the text is an ISO 8601 duration (`P1M`, `PT60H`, `P1Y2M10DT2H30M`).
    public static func isDuration(_ value: String) -> Bool {
        let v = Array(value.utf8)
        guard v.count >= 2, v[0] == UInt8(ascii: "P") else { return false }
        var sawDigit = false, sawDesignator = false, inTime = false
        for b in v.dropFirst() {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."): sawDigit = true
            case UInt8(ascii: "T"):
                if inTime || sawDigit { return false }
                inTime = true
            case UInt8(ascii: "Y"), UInt8(ascii: "M"), UInt8(ascii: "W"), UInt8(ascii: "D"), UInt8(ascii: "H"), UInt8(ascii: "S"):
                if !sawDigit { return false }
                let timeDesignators = [UInt8(ascii: "H"), UInt8(ascii: "M"), UInt8(ascii: "S")]
                if inTime != timeDesignators.contains(b) && b != UInt8(ascii: "M") { return false }
                sawDigit = false
                sawDesignator = true
            default: return false
            }
        }
        return sawDesignator && !sawDigit
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
