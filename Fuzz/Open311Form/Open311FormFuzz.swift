import Foundation

/// Any bytes as an Open311 URL-encoded body: decoding never fails, and every key read back
/// answers its values.
@_cdecl("LLVMFuzzerTestOneInput")
public func open311FormFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let form = Open311Form(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
    for key in form.fields.keys {
        precondition(form[key] != nil, "a field kept with no value")
        _ = form.all(key)
    }
    for values in form.attributes.values {
        precondition(!values.isEmpty && values.allSatisfy { !$0.isEmpty }, "an attribute kept with an empty value")
    }
    return 0
}
