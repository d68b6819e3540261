/// The module grid of a symbol being built: which modules are dark and which belong to function patterns.
struct Matrix {
    let version: Int
    let size: Int
    var modules: [[Bool]]
    var isFunction: [[Bool]]

    init(version: Int) {
        self.version = version
        size = version * 4 + 17
        modules = Array(repeating: Array(repeating: false, count: size), count: size)
        isFunction = modules
    }

    mutating func setFunction(_ x: Int, _ y: Int, _ dark: Bool) {
        modules[y][x] = dark
        isFunction[y][x] = true
    }

    /// Timing patterns, finder patterns, alignment patterns, reserved format areas, version information.
    mutating func drawFunctionPatterns() {
        for i in 0..<size {
            setFunction(6, i, i % 2 == 0)
            setFunction(i, 6, i % 2 == 0)
        }
        drawFinder(3, 3)
        drawFinder(size - 4, 3)
        drawFinder(3, size - 4)
        let positions = alignmentPositions()
        let n = positions.count
        for i in 0..<n {
            for j in 0..<n where !((i == 0 && j == 0) || (i == 0 && j == n - 1) || (i == n - 1 && j == 0)) {
                drawAlignment(positions[i], positions[j])
            }
        }
        drawFormatBits(level: .medium, mask: 0)  // reserves the areas; redrawn with the real values
        drawVersion()
    }

    private mutating func drawFinder(_ x: Int, _ y: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let xx = x + dx, yy = y + dy
                guard xx >= 0, xx < size, yy >= 0, yy < size else { continue }
                let distance = max(abs(dx), abs(dy))
                setFunction(xx, yy, distance != 2 && distance != 4)
            }
        }
    }

    private mutating func drawAlignment(_ x: Int, _ y: Int) {
        for dy in -2...2 {
            for dx in -2...2 { setFunction(x + dx, y + dy, max(abs(dx), abs(dy)) != 1) }
        }
    }

    /// Centre coordinates of the alignment patterns (ascending).
    func alignmentPositions() -> [Int] {
        guard version > 1 else { return [] }
        let count = version / 7 + 2
        let step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        var result = Array(repeating: 6, count: count)
        var position = size - 7
        for i in stride(from: count - 1, to: 0, by: -1) {
            result[i] = position
            position -= step
        }
        return result
    }

    /// The 15 format bits (level and mask, BCH-protected and masked), in both copies, and the dark module.
    mutating func drawFormatBits(level: QRCode.ErrorCorrection, mask: Int) {
        let data = level.formatBits << 3 | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = (data << 10 | remainder) ^ 0x5412
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        for i in 0...5 { setFunction(8, i, bit(i)) }
        setFunction(8, 7, bit(6))
        setFunction(8, 8, bit(7))
        setFunction(7, 8, bit(8))
        for i in 9..<15 { setFunction(14 - i, 8, bit(i)) }
        for i in 0..<8 { setFunction(size - 1 - i, 8, bit(i)) }
        for i in 8..<15 { setFunction(8, size - 15 + i, bit(i)) }
        setFunction(8, size - 8, true)
    }

    /// The 18 version bits (versions 7 and up), in both corners.
    private mutating func drawVersion() {
        guard version >= 7 else { return }
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        let bits = version << 12 | remainder
        for i in 0..<18 {
            let dark = (bits >> i) & 1 == 1
            let a = size - 11 + i % 3, b = i / 3
            setFunction(a, b, dark)
            setFunction(b, a, dark)
        }
    }

    /// Places the codewords in the zigzag order, two columns at a time from the right, skipping the
    /// vertical timing column.
    mutating func placeData(_ codewords: [UInt8]) {
        var i = 0
        let totalBits = codewords.count * 8
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for vertical in 0..<size {
                for j in 0..<2 {
                    let x = right - j
                    let upward = (right + 1) & 2 == 0
                    let y = upward ? size - 1 - vertical : vertical
                    if !isFunction[y][x] && i < totalBits {
                        modules[y][x] = (codewords[i >> 3] >> (7 - UInt8(i & 7))) & 1 == 1
                        i += 1
                    }
                }
            }
            right -= 2
        }
    }

    /// XORs a mask pattern over the data modules (applying it twice undoes it).
    mutating func applyMask(_ mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y][x] {
                let invert: Bool
                switch mask {
                case 0: invert = (x + y) % 2 == 0
                case 1: invert = y % 2 == 0
                case 2: invert = x % 3 == 0
                case 3: invert = (x + y) % 3 == 0
                case 4: invert = (x / 3 + y / 2) % 2 == 0
                case 5: invert = x * y % 2 + x * y % 3 == 0
                case 6: invert = (x * y % 2 + x * y % 3) % 2 == 0
                default: invert = ((x + y) % 2 + x * y % 3) % 2 == 0
                }
                if invert { modules[y][x].toggle() }
            }
        }
    }

    /// The penalty score of the standard's four rules: runs of five or more, 2×2 blocks, finder-like
    /// patterns, and dark/light imbalance.
    func penalty() -> Int {
        var result = 0
        // Rules 1 and 3, rows and columns.
        for line in 0..<size {
            result += linePenalty((0..<size).map { modules[line][$0] })
            result += linePenalty((0..<size).map { modules[$0][line] })
        }
        // Rule 2: 2×2 blocks of one colour.
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let c = modules[y][x]
                if c == modules[y][x + 1] && c == modules[y + 1][x] && c == modules[y + 1][x + 1] { result += 3 }
            }
        }
        // Rule 4: balance.
        let dark = modules.reduce(0) { $0 + $1.filter { $0 }.count }
        let total = size * size
        let k = (abs(dark * 20 - total * 10) + total - 1) / total - 1
        result += k * 10
        return result
    }

    /// Rule 1 (runs of ≥ 5 same-colour modules: 3 + run − 5) and rule 3 (1:1:3:1:1 with four light
    /// modules on either side, the light zone extending past the symbol edge: 40 each) on one line.
    private func linePenalty(_ line: [Bool]) -> Int {
        var result = 0
        var runColor = line[0]
        var runLength = 1
        for i in 1..<line.count {
            if line[i] == runColor {
                runLength += 1
            } else {
                if runLength >= 5 { result += 3 + runLength - 5 }
                runColor = line[i]
                runLength = 1
            }
        }
        if runLength >= 5 { result += 3 + runLength - 5 }
        // Finder-like patterns.
        let pattern: [Bool] = [true, false, true, true, true, false, true]
        func light(_ i: Int) -> Bool { i < 0 || i >= line.count || !line[i] }
        if line.count >= 7 {
            for start in 0...(line.count - 7) where (0..<7).allSatisfy({ line[start + $0] == pattern[$0] }) {
                let before = (1...4).allSatisfy { light(start - $0) }
                let after = (0..<4).allSatisfy { light(start + 7 + $0) }
                if before { result += 40 }
                if after { result += 40 }
            }
        }
        return result
    }
}
