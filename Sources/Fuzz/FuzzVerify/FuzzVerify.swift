import CredentialConversion
import CredconvJSON
import FuzzSupport

/// libFuzzer target: verification of a JWS (every check, with the key from the header or a did:key),
/// the same bytes read as a key file, a status list, a signing key, a document with Data Integrity
/// proofs (and its JCS form), and N-Quads to canonicalize. Built only with CREDCONV_FUZZ=1.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let text = String(decoding: bytes, as: UTF8.self)
    _ = JWSCredentialVerifier(options: VerificationOptions(at: 1_780_000_000)).verify(compactJWS: text)
    _ = try? KeyDocuments.keys(in: bytes, name: "fuzz")
    _ = try? StatusListDocument.read(bytes, name: "fuzz")
    _ = try? SigningKey(keyFile: bytes)
    if case .object(let document)? = try? JSONParser().parse(bytes) {
        _ = DataIntegrityCredentialVerifier(options: VerificationOptions(at: 1_780_000_000)).verify(document: document)
        _ = try? JSONCanonicalization.bytes(.object(document))
    }
    _ = try? RDFCanonicalizer(workBudget: 2_000).canonicalize(nquads: text)
    return 0
}
