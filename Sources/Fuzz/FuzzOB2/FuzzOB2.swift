import CredentialConversion
import FuzzSupport

/// libFuzzer target: the Open Badges 2.0 reader (JSON, documents, JWS). Built only with CREDCONV_FUZZ=1 (see scripts/fuzz.sh).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    FuzzInput.read(bytes, as: .ob2)
    return 0
}
