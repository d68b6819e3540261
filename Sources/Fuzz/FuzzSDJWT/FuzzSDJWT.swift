import CredentialConversion
import FuzzSupport

/// libFuzzer target: the SD-JWT reader (the EUDI Learning Credential: parts, disclosures, digests, claims)
/// and its verification (every check, key binding included). Built only with CREDCONV_FUZZ=1.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    FuzzInput.read(bytes, as: .eudiLearningCredential)
    var options = VerificationOptions(at: 1_780_000_000)
    options.audience = "https://verifier.example"
    options.nonce = "n"
    _ = SDJWTCredentialVerifier(options: options).verify(sdJWT: String(decoding: bytes, as: UTF8.self))
    return 0
}
