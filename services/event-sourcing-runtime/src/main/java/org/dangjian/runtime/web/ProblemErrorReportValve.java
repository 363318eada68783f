package org.dangjian.runtime.web;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatusCode;

/**
 * Tomcat's own error answers (a request line or URL it cannot parse, headers too large, a query with characters it
 * refuses) as problem+json instead of Tomcat's HTML page: Tomcat answers those before Spring sees the request. Installed
 * as the host's error report valve ({@code EventSourcingRuntimeAutoConfiguration}).
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    private final ProblemWriter problems = new ProblemWriter(new ProblemFactory());

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String code = switch (status) {
            case 400 -> "MALFORMED_REQUEST";
            case 404 -> "NOT_FOUND";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 431 -> "HEADERS_TOO_LARGE";
            default -> status < 500 ? "INVALID_REQUEST" : "INTERNAL_ERROR";
        };
        try {
            // every code here has its title and detail in the runtime's problem bundles
            problems.write(request, response.getResponse(), HttpStatusCode.valueOf(status), code, code, request.getMethod(),
                    request.getDecodedRequestURI());
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the answer was started: nothing more to say
        }
    }
}
