package org.dangjian.runtime.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error page ({@code /error}), reached when an error happens outside Spring MVC's handlers
 * (a filter, {@code sendError}): answered as problem+json like every other error. Asked for directly, {@code /error}
 * is a path like any other that names nothing: 404.
 */
@Controller
public class PlatformErrorController implements ErrorController {

    private final ProblemWriter problems;

    public PlatformErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        if (!(status instanceof Integer code) || code < 400) {
            problems.write(request, response, HttpStatus.NOT_FOUND, "NOT_FOUND", "There is nothing at {0} {1}", request.getMethod(), path);
            return;
        }
        HttpStatusCode answer = HttpStatusCode.valueOf(code);
        switch (code) {
            case 401 -> problems.write(request, response, answer, "UNAUTHENTICATED", "Sign in first: this needs a valid access token");
            case 403 -> problems.write(request, response, answer, "FORBIDDEN", "Your role may not do this");
            case 404 -> problems.write(request, response, answer, "NOT_FOUND", "There is nothing at {0} {1}", request.getMethod(), path);
            case 405 -> problems.write(request, response, answer, "METHOD_NOT_ALLOWED", "{1} does not accept {0}", request.getMethod(), path);
            case 413 -> problems.write(request, response, answer, "PAYLOAD_TOO_LARGE", "The request body is larger than allowed");
            default -> {
                if (code >= 500) {
                    problems.write(request, response, answer, "INTERNAL_ERROR",
                            "Something went wrong on our side; quote the correlation id when reporting it");
                } else {
                    problems.write(request, response, answer, "INVALID_REQUEST", "The request could not be answered: {0}", path);
                }
            }
        }
    }
}
