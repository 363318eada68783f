package org.dangjian.runtime.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.eventstore.StoreFailures;
import org.dangjian.runtime.eventstore.CommandDeadline;
import org.dangjian.runtime.readmodel.ReadModelBehindException;
import org.dangjian.runtime.readmodel.ReadModelParkedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.DatabindException;

/**
 * Every error a service answers is problem+json with a stable code; bad input is a 4xx, never a 500.
 *
 * <p>Codes: a {@link RuleViolation}'s own; {@code INVALID_REQUEST} (validation, with {@code errors}),
 * {@code MALFORMED_REQUEST} (unreadable body: not JSON, not UTF-8, a wrong kind of value, an unknown or repeated field;
 * with {@code field} when one is to blame), {@code REQUEST_REJECTED} (the HTTP firewall), {@code PAYLOAD_TOO_LARGE} (413),
 * {@code INVALID_PARAMETER}, {@code NOT_FOUND},
 * {@code METHOD_NOT_ALLOWED}, {@code NOT_ACCEPTABLE}, {@code UNSUPPORTED_MEDIA_TYPE}, {@code FORBIDDEN},
 * {@code READ_MODEL_BEHIND} (503), {@code STORE_UNAVAILABLE} (503, MongoDB not reachable), {@code INTERNAL_ERROR} (500,
 * logged with the correlation id).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PlatformExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PlatformExceptionHandler.class);

    private final ProblemFactory problems;

    public PlatformExceptionHandler(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<Map<String, Object>> ruleViolation(RuleViolation e, HttpServletRequest request) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        ResponseEntity<Map<String, Object>> answer = answer(status, e.code(), e.getMessage(), e.arguments(), request);
        answer.getBody().putAll(e.properties());
        return answer;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        String fields = String.join(", ", errors.stream().map(m -> m.get("field")).distinct().toList());
        ResponseEntity<Map<String, Object>> answer = answer(HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
                "The request has invalid fields: " + fields, new Object[] {fields}, request);
        answer.getBody().put("errors", errors);
        return answer;
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Map<String, Object>> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        String names = String.join(", ", e.getParameterValidationResults().stream()
                .map(r -> r.getMethodParameter().getParameterName()).distinct().toList());
        return answer(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "Invalid parameter: " + names, new Object[] {names}, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        RequestLimits.BodyTooLargeException tooLarge = cause(e, RequestLimits.BodyTooLargeException.class);
        if (tooLarge != null) {
            return answer(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "The request body is larger than allowed ({0} bytes)",
                    new Object[] {tooLarge.limit()}, request);
        }
        ResponseEntity<Map<String, Object>> answer = answer(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                "The request body is not valid JSON, or a field has a value of the wrong kind", new Object[0], request);
        DatabindException databind = cause(e, DatabindException.class);
        if (databind != null && !databind.getPath().isEmpty()) {
            // which field, so that a person can find it; Jackson's own message stays in the log (it may quote the input)
            answer.getBody().put("field", String.join(".", databind.getPath().stream()
                    .map(step -> step.getPropertyName() != null ? step.getPropertyName() : String.valueOf(step.getIndex())).toList()));
        }
        log.debug("Unreadable request body {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer;
    }

    @ExceptionHandler(Utf8RequestBodies.UnsupportedCharsetException.class)
    ResponseEntity<Map<String, Object>> charset(Utf8RequestBodies.UnsupportedCharsetException e, HttpServletRequest request) {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "Send the request body as application/json",
                new Object[0], request);
    }

    /** A query string Tomcat cannot decode ({@code ?unit=%}): its parameters are unreadable. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<Map<String, Object>> undecodableParameters(Exception e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The query string could not be decoded (an unfinished %-escape or "
                + "bytes that are not UTF-8); check it", new Object[0], request);
    }

    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Map<String, Object>> rejected(RequestRejectedException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, "REQUEST_REJECTED", REJECTED, new Object[0], request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "Invalid parameter: " + e.getName(), new Object[] {e.getName()}, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> denied(AccessDeniedException e, HttpServletRequest request) {
        return answer(HttpStatus.FORBIDDEN, "FORBIDDEN", "Your role may not do this", new Object[0], request);
    }

    @ExceptionHandler(ReadModelBehindException.class)
    ResponseEntity<Map<String, Object>> behind(ReadModelBehindException e, HttpServletRequest request) {
        ResponseEntity<Map<String, Object>> answer = answer(HttpStatus.SERVICE_UNAVAILABLE, "READ_MODEL_BEHIND", e.getMessage(),
                new Object[] {e.aggregateId(), e.sequence()}, request);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).header(HttpHeaders.RETRY_AFTER, "1")
                .body(answer.getBody());
    }

    @ExceptionHandler(ReadModelParkedException.class)
    ResponseEntity<Map<String, Object>> parked(ReadModelParkedException e, HttpServletRequest request) {
        return answer(HttpStatus.SERVICE_UNAVAILABLE, "READ_MODEL_PARKED", e.getMessage(), new Object[] {e.aggregateId(), e.sequence()}, request);
    }

    @ExceptionHandler(CommandDeadline.DeadlineExceededException.class)
    ResponseEntity<Map<String, Object>> deadline(CommandDeadline.DeadlineExceededException e, HttpServletRequest request) {
        ResponseEntity<Map<String, Object>> answer = answer(HttpStatus.SERVICE_UNAVAILABLE, "COMMAND_DEADLINE_EXCEEDED", e.getMessage(),
                new Object[0], request);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).header(HttpHeaders.RETRY_AFTER, "1")
                .body(answer.getBody());
    }

    /**
     * The client of a long answer (a server-sent-event stream) went away: nothing to answer and nothing wrong on our
     * side (the container says so when it notices the closed connection).
     */
    @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
    void clientGone(org.springframework.web.context.request.async.AsyncRequestNotUsableException e, HttpServletRequest request) {
        log.debug("The client of {} {} went away: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> other(Exception e, HttpServletRequest request) {
        if (StoreFailures.isUnavailable(e)) {
            log.error("The event store did not answer {} {}", request.getMethod(), request.getRequestURI(), e);
            ResponseEntity<Map<String, Object>> answer = answer(HttpStatus.SERVICE_UNAVAILABLE, "STORE_UNAVAILABLE",
                    "The database did not answer, so the change may not have been stored; retry with the same Idempotency-Key",
                    new Object[0], request);
            return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(answer.getBody());
        }
        if (e instanceof ErrorResponse known) {
            HttpStatusCode status = known.getStatusCode();
            String code = switch (status.value()) {
                case 400 -> "INVALID_REQUEST";
                case 404 -> "NOT_FOUND";
                case 405 -> "METHOD_NOT_ALLOWED";
                case 406 -> "NOT_ACCEPTABLE";
                case 413 -> "PAYLOAD_TOO_LARGE";
                case 415 -> "UNSUPPORTED_MEDIA_TYPE";
                default -> status.is4xxClientError() ? "INVALID_REQUEST" : "INTERNAL_ERROR";
            };
            String detail = known.getBody().getDetail() == null ? code : known.getBody().getDetail();
            return answer(status, code, detail, new Object[] {request.getMethod(), request.getRequestURI()}, request);
        }
        log.error("Unexpected error answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Something went wrong on our side; quote the correlation id when reporting it", new Object[0], request);
    }

    /** What a request refused by the HTTP firewall is told (also by {@link #rejectedRequests}). */
    static final String REJECTED = "The request's URL or headers hold characters or sequences that are not accepted "
            + "(encoded slashes or dots, control characters, non-ASCII header values); send it without them";

    /** Requests the security filters' firewall refuses before any handler: 400 problem+json. */
    public static RequestRejectedHandler rejectedRequests(ProblemWriter problems) {
        return (request, response, e) -> problems.write(request, response, HttpStatus.BAD_REQUEST, "REQUEST_REJECTED", REJECTED);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private ResponseEntity<Map<String, Object>> answer(HttpStatusCode status, String code, String detail, Object[] arguments,
                                                 HttpServletRequest request) {
        ProblemDetail problem = problems.create(status, code, detail, arguments, ProblemLocales.of(request), request.getRequestURI());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(ProblemFactory.asMap(problem));
    }
}
