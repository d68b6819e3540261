import CredconvJSON
import FuzzSupport

/// libFuzzer target: the strict JSON parser. Built only with CREDCONV_FUZZ=1 (see scripts/fuzz.sh).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    _ = try? JSONParser(limits: JSONLimits(maxDepth: 256, maxBytes: 1 << 20)).parse(bytes)
    return 0
}
