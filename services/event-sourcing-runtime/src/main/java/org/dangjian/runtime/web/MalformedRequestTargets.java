package org.dangjian.runtime.web;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.apache.coyote.Adapter;
import org.apache.coyote.Request;
import org.apache.coyote.Response;
import org.apache.tomcat.util.net.SocketEvent;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request target Tomcat refuses before any valve, filter or servlet runs (an unfinished escape such as a bare
 * {@code %} or {@code %zz}, a path that climbs above the root such as {@code /../x}) gets Tomcat's empty 400. This
 * adapter sits in front of Tomcat's own ({@code CoyoteAdapter}) and answers those requests itself, with the same 400
 * as problem+json {@code MALFORMED_REQUEST}; every other request goes on unchanged. Installed on each connector after
 * it is initialised ({@link #install}).
 */
public final class MalformedRequestTargets implements Adapter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.util.regex.Pattern ENCODED_DOT = java.util.regex.Pattern.compile("%2e", java.util.regex.Pattern.CASE_INSENSITIVE);

    private final Adapter tomcat;
    private final ProblemFactory problems = new ProblemFactory();

    MalformedRequestTargets(Adapter tomcat) {
        this.tomcat = tomcat;
    }

    /** Puts the adapter in front of the connector's own once the connector has made it. */
    public static void install(Connector connector) {
        connector.addLifecycleListener(event -> {
            if (Lifecycle.AFTER_INIT_EVENT.equals(event.getType())
                    && connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol
                    && !(protocol.getAdapter() instanceof MalformedRequestTargets)) {
                protocol.setAdapter(new MalformedRequestTargets(protocol.getAdapter()));
            }
        });
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        String target = request.requestURI().toString();
        if (target != null && !wellFormed(target)) {
            refuse(request, response, target);
            return;
        }
        tomcat.service(request, response);
    }

    /** Escapes complete ({@code %} and two hex digits), and no {@code ..} above the root once {@code %2e} is decoded. */
    static boolean wellFormed(String path) {
        boolean escaped = path.indexOf('%') >= 0;
        if (!escaped && !path.contains("..")) {
            return true; // nothing to decode, nothing that climbs: what almost every request is
        }
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '%' && (i + 2 >= path.length() || !hex(path.charAt(i + 1)) || !hex(path.charAt(i + 2)))) {
                return false;
            }
        }
        String decoded = escaped ? ENCODED_DOT.matcher(path).replaceAll(".") : path;
        int depth = 0;
        for (String segment : decoded.split("/", -1)) {
            String name = segment.contains(";") ? segment.substring(0, segment.indexOf(';')) : segment;
            if (name.equals("..")) {
                if (--depth < 0) {
                    return false;
                }
            } else if (!name.isEmpty() && !name.equals(".")) {
                depth++;
            }
        }
        return true;
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private void refuse(Request request, Response response, String target) throws java.io.IOException {
        Locale locale = ProblemLocales.of(request.getHeader("Accept-Language"));
        String correlationId = UUID.randomUUID().toString();
        ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                "The request's address could not be read (an unfinished %-escape, or a path above the root); check it", new Object[0],
                locale, null);
        problem.setProperty("correlationId", correlationId);
        Map<String, Object> body = ProblemFactory.asMap(problem);
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setStatus(400);
        response.setContentType("application/problem+json");
        response.setContentLength(bytes.length);
        response.addHeader(CorrelationIdFilter.HEADER, correlationId);
        response.addHeader("Content-Language", locale.toLanguageTag());
        response.doWrite(ByteBuffer.wrap(bytes));
    }

    @Override
    public boolean prepare(Request request, Response response) throws Exception {
        return tomcat.prepare(request, response);
    }

    @Override
    public boolean asyncDispatch(Request request, Response response, SocketEvent status) throws Exception {
        return tomcat.asyncDispatch(request, response, status);
    }

    @Override
    public void log(Request request, Response response, long time) {
        tomcat.log(request, response, time);
    }

    @Override
    public void checkRecycled(Request request, Response response) {
        tomcat.checkRecycled(request, response);
    }

    @Override
    public String getDomain() {
        return tomcat.getDomain();
    }
}
