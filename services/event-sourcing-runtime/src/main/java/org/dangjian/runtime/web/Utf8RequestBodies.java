package org.dangjian.runtime.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * A JSON body is UTF-8 (RFC 8259), and well-formed: overlong forms ({@code C0 AF} for "/"), encoded surrogates and
 * truncated sequences are refused (400 {@code MALFORMED_REQUEST}) before any JSON is read, instead of being decoded
 * into characters the client never sent. A {@code charset} other than UTF-8 on the content type is refused (415).
 * The body's size is bounded before (see {@link RequestLimits}).
 */
@ControllerAdvice
public final class Utf8RequestBodies extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        MediaType type = input.getHeaders().getContentType();
        Charset charset = type == null ? null : type.getCharset();
        if (charset != null && !StandardCharsets.UTF_8.equals(charset)) {
            throw new UnsupportedCharsetException(charset.name());
        }
        byte[] bytes = input.getBody().readAllBytes();
        if (!wellFormedUtf8(bytes)) {
            throw new HttpMessageNotReadableException("The request body is not well-formed UTF-8", input);
        }
        HttpHeaders headers = input.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    /** Decodes into a small buffer, again and again: checks every byte without keeping the decoded text. */
    static boolean wellFormedUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return !decoder.flush(out.clear()).isError();
            }
            out.clear();
        }
    }

    /** A JSON body in another charset than UTF-8. */
    public static final class UnsupportedCharsetException extends RuntimeException {
        UnsupportedCharsetException(String charset) {
            super("A JSON body is UTF-8; this one says it is " + charset);
        }
    }
}
