import Foundation

/// Any bytes as a posted form: the first line is the `Content-Type` header, the rest the
/// body (no line: a URL-encoded body). Reading either answers a form or a refusal, and a
/// form never holds more values than the limits allow.
@_cdecl("LLVMFuzzerTestOneInput")
public func formDataFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let newline = input.firstIndex(of: 10)
    let contentType = newline.map { String(decoding: input[..<$0], as: UTF8.self) } ?? ""
    let body = newline.map { Array(input[($0 + 1)...]) } ?? input
    guard let form = try? FormData.parse(body, contentType: contentType) else { return 0 }
    let values = form.fields.values.reduce(0) { $0 + $1.count } + form.files.values.reduce(0) { $0 + $1.count }
    precondition(values <= max(FormData.maximumFields, FormData.maximumParts), "a form of \(values) values passed the limits")
    for name in form.fields.keys { _ = form[name] }
    _ = form.allFiles
    return 0
}
