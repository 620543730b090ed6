import Dispatch
import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Answers cached public reads (`GET /open311/v2/requests.json`, `services.xml` …) on the
/// event loop, before the request reaches Hummingbird, with the bytes the route would
/// send; passes everything else on untouched.
///
/// A request that goes through Hummingbird costs a task, a context, nine middleware and
/// their allocations; a repeated public list is the same bytes every time. So a plain GET
/// (see `PublicAnswers.mayAnswer`) is held until its end shows it has no body, then
/// answered from `PublicListCache` when that has a current entry for its exact target.
/// A miss, a body, trailers or any other request is passed on as it came.
///
/// Order on a connection is kept: while a request passed to Hummingbird has not been
/// answered, every later request is passed on too, so answers never overtake. A client
/// that does not read its answers is not fed more: on an unwritable channel requests go
/// to Hummingbird, which waits. The handler sits after Hummingbird's connection-state
/// handler, which therefore sees every request and answer (idle timeout, graceful
/// shutdown) whichever path answered it.
final class PublicAnswerHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let answers: PublicAnswers
    /// A request that may be answered here, held until its end arrives.
    private var held: (head: HTTPRequest, startedAt: UInt64)?
    /// Requests passed to Hummingbird whose answer has not ended yet.
    private var passedOn = 0
    private var unflushed = false

    init(_ answers: PublicAnswers) {
        self.answers = answers
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            if passedOn == 0, context.channel.isWritable, PublicAnswers.mayAnswer(head) {
                held = (head, DispatchTime.now().uptimeNanoseconds)
                return
            }
            passOn(head, context)
        case .body:
            if let held = takeHeld() { passOn(held.head, context) }
            context.fireChannelRead(data)
        case .end(let trailers):
            if let held = takeHeld() {
                if trailers == nil, let answer = answers.answer(held.head, startedAt: held.startedAt) {
                    context.write(wrapOutboundOut(.head(answer.head)), promise: nil)
                    context.write(wrapOutboundOut(.body(answer.body)), promise: nil)
                    context.write(wrapOutboundOut(.end(nil)), promise: nil)
                    unflushed = true
                    return
                }
                passOn(held.head, context)
            }
            context.fireChannelRead(data)
        }
    }

    /// Answers to a batch of pipelined requests leave in one flush.
    func channelReadComplete(context: ChannelHandlerContext) {
        if unflushed {
            unflushed = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { passedOn = max(0, passedOn - 1) }
        context.write(data, promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        held = nil
        context.fireChannelInactive()
    }

    private func takeHeld() -> (head: HTTPRequest, startedAt: UInt64)? {
        defer { held = nil }
        return held
    }

    private func passOn(_ head: HTTPRequest, _ context: ChannelHandlerContext) {
        passedOn += 1
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }
}
