/// A strict reader of the few DER structures key files hold (SEQUENCE, INTEGER, BIT STRING, OBJECT
/// IDENTIFIER, NULL), so that RSA public keys reach swift-crypto as numbers, never as DER it must parse:
/// swift-crypto 3.x frees its key twice when an RSA public key's DER does not parse, which aborts.
struct DERReader {
    /// One element: its tag and contents.
    struct Element {
        var tag: UInt8
        var contents: ArraySlice<UInt8>
    }

    private var rest: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) { rest = bytes }

    var isAtEnd: Bool { rest.isEmpty }

    /// The next element; nil when the bytes are not DER (indefinite or non-minimal lengths included).
    mutating func next() -> Element? {
        guard rest.count >= 2 else { return nil }
        let tag = rest[rest.startIndex]
        let first = rest[rest.startIndex + 1]
        var index = rest.startIndex + 2
        var length = 0
        if first < 0x80 {
            length = Int(first)
        } else {
            let count = Int(first & 0x7F)
            guard count >= 1, count <= 4, rest.endIndex - index >= count else { return nil }
            for _ in 0..<count {
                length = length << 8 | Int(rest[index])
                index += 1
            }
            // DER: the shortest length form.
            guard length >= 0x80, length >> (8 * (count - 1)) != 0 else { return nil }
        }
        guard rest.endIndex - index >= length else { return nil }
        let contents = rest[index..<(index + length)]
        rest = rest[(index + length)...]
        return Element(tag: tag, contents: contents)
    }

    /// The next element if it has `tag`.
    mutating func next(_ tag: UInt8) -> ArraySlice<UInt8>? {
        guard let element = next(), element.tag == tag else { return nil }
        return element.contents
    }

    static let sequence: UInt8 = 0x30
    static let integer: UInt8 = 0x02
    static let bitString: UInt8 = 0x03
    static let objectIdentifier: UInt8 = 0x06
    static let null: UInt8 = 0x05

    /// rsaEncryption, 1.2.840.113549.1.1.1.
    static let rsaEncryption: [UInt8] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01]

    /// The modulus and exponent of an RSA public key in SubjectPublicKeyInfo or PKCS#1 form; nil when the
    /// DER is not an RSA public key.
    static func rsaPublicKey(_ der: [UInt8]) -> (n: [UInt8], e: [UInt8])? {
        var outer = DERReader(der[...])
        guard let body = outer.next(sequence), outer.isAtEnd else { return nil }
        var reader = DERReader(body)
        guard let first = reader.next() else { return nil }
        if first.tag == integer {
            // PKCS#1 RSAPublicKey: SEQUENCE { n, e }
            guard let e = reader.next(integer), reader.isAtEnd else { return nil }
            return (positive(first.contents), positive(e))
        }
        // SubjectPublicKeyInfo: SEQUENCE { SEQUENCE { rsaEncryption, NULL }, BIT STRING { RSAPublicKey } }
        guard first.tag == sequence else { return nil }
        var algorithm = DERReader(first.contents)
        guard let oid = algorithm.next(objectIdentifier), Array(oid) == rsaEncryption else { return nil }
        guard let bits = reader.next(bitString), reader.isAtEnd, bits.first == 0 else { return nil }
        return rsaPublicKey(Array(bits.dropFirst()))
    }

    /// Whether SubjectPublicKeyInfo DER names rsaEncryption (so it must go through ``rsaPublicKey(_:)``).
    static func isRSASubjectPublicKeyInfo(_ der: [UInt8]) -> Bool {
        var outer = DERReader(der[...])
        guard let body = outer.next(sequence) else { return false }
        var reader = DERReader(body)
        guard let algorithmBody = reader.next(sequence) else { return false }
        var algorithm = DERReader(algorithmBody)
        return algorithm.next(objectIdentifier).map { Array($0) == rsaEncryption } ?? false
    }

    /// The SubjectPublicKeyInfo of an X.509 certificate, as DER; nil when it is not a certificate.
    static func certificatePublicKeyInfo(_ der: [UInt8]) -> [UInt8]? {
        var outer = DERReader(der[...])
        guard let certificate = outer.next(sequence) else { return nil }
        var fields = DERReader(certificate)
        guard let tbs = fields.next(sequence) else { return nil }
        var reader = DERReader(tbs)
        var element = reader.next()
        if element?.tag == 0xA0 { element = reader.next() }  // [0] version
        // serialNumber (element), signature, issuer, validity, subject, then subjectPublicKeyInfo.
        for _ in 0..<4 { guard reader.next() != nil else { return nil } }
        guard element != nil, let spki = reader.next(), spki.tag == sequence else { return nil }
        let length = spki.contents.count
        return [sequence] + lengthBytes(length) + Array(spki.contents)
    }

    static func lengthBytes(_ length: Int) -> [UInt8] {
        if length < 0x80 { return [UInt8(length)] }
        var bytes: [UInt8] = []
        var n = length
        while n > 0 { bytes.insert(UInt8(n & 0xFF), at: 0); n >>= 8 }
        return [0x80 | UInt8(bytes.count)] + bytes
    }

    /// An INTEGER's magnitude without the sign byte; empty for a negative or empty integer.
    static func positive(_ contents: ArraySlice<UInt8>) -> [UInt8] {
        guard let first = contents.first, first & 0x80 == 0 else { return [] }
        return Array(contents.drop(while: { $0 == 0 }))
    }
}
