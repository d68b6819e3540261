import CredentialConversion
import FuzzSupport

/// libFuzzer target: unbaking SVG badges. Built only with CREDCONV_FUZZ=1 (see scripts/fuzz.sh).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    FuzzInput.read(bytes, as: .svg)
    return 0
}
