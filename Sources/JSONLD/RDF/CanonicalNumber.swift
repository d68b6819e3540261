import Foundation

/// The lexical forms JSON-LD gives numbers in RDF: `xsd:integer` digits, and the canonical `xsd:double`
/// form (`1.1E0`, `-1.5E-1`, `1.0E21`: one digit before the point, at most 15 after, no trailing zeros
/// beyond the first, exponent without `+` or leading zeros).
enum CanonicalNumber {
    static func double(_ value: Double) -> String {
        if value == 0 { return value.sign == .minus ? "-0.0E0" : "0.0E0" }
        if value.isInfinite { return value < 0 ? "-INF" : "INF" }
        if value.isNaN { return "NaN" }
        let printed = String(format: "%.15e", value)
        guard let e = printed.firstIndex(of: "e") else { return printed }
        var mantissa = String(printed[..<e])
        let exponent = Int(printed[printed.index(after: e)...]) ?? 0
        while mantissa.hasSuffix("0") { mantissa.removeLast() }
        if mantissa.hasSuffix(".") { mantissa += "0" }
        return "\(mantissa)E\(exponent)"
    }

    /// Integer digits for an integral number: the lexeme itself when it is plain digits, else the value.
    static func integer(_ text: String, _ value: Double) -> String {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        if !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber) {
            if digits.allSatisfy({ $0 == "0" }) { return "0" }
            let trimmed = digits.drop { $0 == "0" }
            return (text.hasPrefix("-") ? "-" : "") + trimmed
        }
        if let exact = Int64(exactly: value) { return String(exact) }
        return String(format: "%.0f", value)
    }
}
