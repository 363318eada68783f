package org.dangjian.gateway.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.dangjian.gateway.config.LocaleConfiguration;
import org.dangjian.gateway.problem.ProblemCode;
import org.dangjian.gateway.problem.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Gives the HTTP server's own error answers a problem+json body. When Netty's HTTP decoder cannot read a request
 * (request line over {@code server.netty.max-initial-line-length}, headers over
 * {@code server.max-http-request-header-size}, a line that is not HTTP), Reactor Netty answers at once with an empty
 * 414, 431 or 400 and closes the connection: Spring never sees the request. This handler sits between the HTTP codec
 * and Reactor Netty's traffic handler: it notes the failed request (or one whose target is no URI, such as a bare
 * {@code %}, which Spring's Reactor adapter answers with an empty 400) on its way in, and replaces the empty answer to it
 * on its way out with one of the same status that has a body: {@code URI_TOO_LONG}, {@code HEADERS_TOO_LARGE} or
 * {@code MALFORMED_REQUEST}. Language and correlation id come from the request's headers when the decoder got as far
 * as them ({@code Accept-Language} sent early in a request whose headers are too large), else zh-CN and a new id.
 * <p>
 * One instance per connection (it holds the failed request until its answer passes).
 */
final class DecodingFailureProblemHandler extends ChannelDuplexHandler {

    private static final Logger log = LoggerFactory.getLogger(DecodingFailureProblemHandler.class);
    /** Netty's stand-in for a request whose request line could not be read. */
    private static final String NETTY_PLACEHOLDER_URI = "/bad-request";
    /** Unreserved, sub-delimiter and {@code :@/?} characters (RFC 3986): a target of only these is always a URI. */
    private static final String PLAIN = "-._~!$&'()*+,;=:@/?";

    /** The limits, as the details tell them ("4 KB"). */
    record Limits(String requestLine, String headers) {
    }

    private record Failure(Locale locale, String correlationId, String instance) {
    }

    private final ProblemResponses problems;
    private final Limits limits;
    private Failure failure;

    DecodingFailureProblemHandler(ProblemResponses problems, Limits limits) {
        this.problems = problems;
        this.limits = limits;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest request && (request.decoderResult().isFailure() || !isUri(request.uri()))) {
            // read what is needed now: the traffic handler releases the request once it has answered. A request
            // target that is no URI (a bare "%", "%zz") is answered by Spring's Reactor adapter with an empty 400
            failure = describe(request);
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        Failure pending = failure;
        // Reactor Netty's answer to a decoding failure: an error status, no body, and the connection to be closed
        if (pending != null && msg instanceof FullHttpResponse response && response.status().code() >= 400
                && !response.content().isReadable()) {
            failure = null;
            FullHttpResponse replaced = withProblem(response, pending);
            response.release();
            super.write(ctx, replaced, promise);
            return;
        }
        super.write(ctx, msg, promise);
    }

    /**
     * Whether the target parses as a URI. Only a target with a {@code %} or a character outside the plain ones can
     * fail, so every other (almost every request) is answered without parsing it.
     */
    static boolean isUri(String target) {
        if (plain(target)) {
            return true;
        }
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException | RuntimeException e) {
            return false;
        }
    }

    private static boolean plain(String target) {
        if (target.isEmpty() || target.charAt(0) != '/') {
            return false;
        }
        for (int i = 1; i < target.length(); i++) {
            char c = target.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || PLAIN.indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static Failure describe(HttpRequest request) {
        String acceptLanguage = null;
        String correlationId = null;
        String instance = null;
        try {
            acceptLanguage = request.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE);
            correlationId = request.headers().get(CorrelationIdFilter.HEADER);
            String uri = request.uri();
            if (uri != null && !uri.isEmpty() && !NETTY_PLACEHOLDER_URI.equals(uri) && isUri(uri)) {
                instance = new QueryStringDecoder(uri).rawPath();
            }
        } catch (RuntimeException unreadable) {
            // a request that failed to decode may be half-built: answer with the defaults
        }
        return new Failure(LocaleConfiguration.forAcceptLanguage(acceptLanguage), CorrelationIdFilter.idFor(correlationId),
                instance);
    }

    private FullHttpResponse withProblem(FullHttpResponse empty, Failure failure) {
        HttpResponseStatus status = empty.status();
        ProblemCode code;
        String limit;
        if (status.code() == HttpResponseStatus.REQUEST_URI_TOO_LONG.code()) {
            code = ProblemCode.URI_TOO_LONG;
            limit = limits.requestLine();
        } else if (status.code() == HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.code()) {
            code = ProblemCode.HEADERS_TOO_LARGE;
            limit = limits.headers();
        } else {
            code = ProblemCode.MALFORMED_REQUEST;
            limit = null;
        }
        log.debug("[{}] The HTTP server could not decode a request: {} {}", failure.correlationId(), status.code(), code);
        HttpStatusCode httpStatus = HttpStatusCode.valueOf(status.code());
        byte[] body = limit != null
                ? problems.render(code, httpStatus, failure.locale(), failure.instance(), failure.correlationId(),
                        "problem." + code.name() + ".limit", limit)
                : problems.render(code, httpStatus, failure.locale(), failure.instance(), failure.correlationId(), null);
        FullHttpResponse response = new DefaultFullHttpResponse(empty.protocolVersion(), status, Unpooled.wrappedBuffer(body));
        response.headers().set(empty.headers());
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        response.headers().set(HttpHeaderNames.CONTENT_LANGUAGE, failure.locale().toLanguageTag());
        response.headers().set(CorrelationIdFilter.HEADER, failure.correlationId());
        return response;
    }
}
