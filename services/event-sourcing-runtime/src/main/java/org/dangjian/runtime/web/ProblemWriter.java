package org.dangjian.runtime.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem+json answer where Spring MVC's handlers do not run: filters, the security chain, Tomcat's own errors. */
public final class ProblemWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProblemFactory problems;

    public ProblemWriter(ProblemFactory problems) {
        this.problems = problems;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status, String code, String detail,
                      Object... arguments) throws IOException {
        ProblemDetail problem = problems.create(status, code, detail, arguments, ProblemLocales.of(request), request.getRequestURI());
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(ProblemFactory.asMap(problem)));
        response.flushBuffer();
    }
}
