extension Credential {
    /// Every achievement the credential awards: ``achievement`` and then ``otherAchievements``.
    public var allAchievements: [Achievement] { [achievement].compactMap { $0 } + otherAchievements }

    /// The credit points of every awarded achievement added up, one total per credit system, in the
    /// order the systems first appear (a transcript's total). Parts of an achievement are not added
    /// again: their credits are inside their whole's.
    public var creditTotals: [CreditPoints] {
        var totals: [(system: Concept?, sum: DecimalText)] = []
        for a in allAchievements {
            guard let credits = a.credits, let value = DecimalText(credits.value.text) else { continue }
            if let i = totals.firstIndex(where: { $0.system?.id == credits.system?.id }) {
                totals[i].sum = totals[i].sum + value
            } else {
                totals.append((credits.system, value))
            }
        }
        return totals.compactMap { t in NumberText(t.sum.text).map { CreditPoints(value: $0, system: t.system) } }
    }
}

/// A decimal number as digits and a scale, for adding credit points exactly (`2.5 + 0.25 = 2.75`).
struct DecimalText {
    var digits: Int
    var scale: Int

    /// From `12`, `-3.5`, `0.25`; nil for exponents, overflowing or other text.
    init?(_ text: String) {
        var s = Substring(text)
        let negative = s.first == "-"
        if negative { s = s.dropFirst() }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !parts[0].isEmpty, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts[0].count + fraction.count <= 17, let n = Int(parts[0] + fraction) else { return nil }
        digits = negative ? -n : n
        scale = fraction.count
    }

    init(digits: Int, scale: Int) {
        self.digits = digits
        self.scale = scale
    }

    static func + (a: Self, b: Self) -> Self {
        let scale = max(a.scale, b.scale)
        func widened(_ x: Self) -> Int { x.digits * Int(pow10: scale - x.scale) }
        return DecimalText(digits: widened(a) + widened(b), scale: scale)
    }

    /// The number as JSON number text, without trailing fraction zeros.
    var text: String {
        var magnitude = String(abs(digits))
        if scale > 0 {
            while magnitude.count <= scale { magnitude = "0" + magnitude }
            let cut = magnitude.index(magnitude.endIndex, offsetBy: -scale)
            var fraction = String(magnitude[cut...])
            while fraction.hasSuffix("0") { fraction.removeLast() }
            magnitude = String(magnitude[..<cut]) + (fraction.isEmpty ? "" : "." + fraction)
        }
        return (digits < 0 ? "-" : "") + magnitude
    }
}

extension Int {
    init(pow10 n: Int) {
        var v = 1
        for _ in 0..<Swift.max(0, n) { v *= 10 }
        self = v
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
