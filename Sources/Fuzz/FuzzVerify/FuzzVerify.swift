import CredentialConversion
import FuzzSupport

/// libFuzzer target: verification of a JWS (every check, with the key from the header or a did:key),
/// and the same bytes read as a key file and as a status list. Built only with CREDCONV_FUZZ=1.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let text = String(decoding: bytes, as: UTF8.self)
    _ = JWSCredentialVerifier(options: VerificationOptions(at: 1_780_000_000)).verify(compactJWS: text)
    _ = try? KeyDocuments.keys(in: bytes, name: "fuzz")
    _ = try? StatusListDocument.read(bytes, name: "fuzz")
    _ = try? SigningKey(keyFile: bytes)
    return 0
}
