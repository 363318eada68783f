package org.dangjian.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.server.ResponseStatusException;

class GatewayExceptionHandlerTest {

    @Test
    void anUnreachablePeerIsA503EvenWhenSecurityWrapsIt() {
        Throwable keysUnavailable = new AuthenticationServiceException("Could not obtain the keys",
                new IllegalStateException(new ConnectException("Connection refused")));
        assertThat(GatewayExceptionHandler.classify(keysUnavailable)).isEqualTo(ProblemCode.SERVICE_UNAVAILABLE);
        assertThat(GatewayExceptionHandler.classify(new IllegalStateException("Retries exhausted: 1/1",
                new ConnectException("Connection refused")))).isEqualTo(ProblemCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void aSlowServiceIsA504() {
        assertThat(GatewayExceptionHandler.classify(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT,
                "Response took longer than timeout", new TimeoutException()))).isEqualTo(ProblemCode.GATEWAY_TIMEOUT);
    }

    @Test
    void aSessionWhoseTokenCannotBeRefreshedMustLogInAgain() {
        ClientAuthorizationException refreshRefused = new ClientAuthorizationException(new OAuth2Error("invalid_grant"), "dangjian");
        assertThat(GatewayExceptionHandler.classify(refreshRefused)).isEqualTo(ProblemCode.UNAUTHENTICATED);
    }

    @Test
    void statusErrorsKeepTheirStatusAndAnythingElseIsAnInternalError() {
        assertThat(GatewayExceptionHandler.classify(HttpClientErrorException.create(HttpStatus.TOO_MANY_REQUESTS,
                "Too Many Requests", null, null, null))).isEqualTo(ProblemCode.RATE_LIMITED);
        assertThat(GatewayExceptionHandler.classify(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .isEqualTo(ProblemCode.NOT_FOUND);
        assertThat(GatewayExceptionHandler.classify(new IllegalArgumentException("bug"))).isEqualTo(ProblemCode.INTERNAL_ERROR);
    }

    @Test
    void aFirewallRejectionOutsideSpringSecuritysOwnHandlerIsRequestRejected() {
        assertThat(GatewayExceptionHandler.classify(new ServerExchangeRejectedException("The request was rejected because"
                + " the header name \"X\u0000\" is not allowed."))).isEqualTo(ProblemCode.REQUEST_REJECTED);
    }

    @Test
    void aServicesErrorWithoutProblemBodyGetsTheCodeForItsStatus() {
        assertThat(ProblemCode.forServiceStatus(400)).isEqualTo(ProblemCode.INVALID_REQUEST);
        assertThat(ProblemCode.forServiceStatus(401)).isEqualTo(ProblemCode.UNAUTHENTICATED);
        assertThat(ProblemCode.forServiceStatus(404)).isEqualTo(ProblemCode.NOT_FOUND);
        assertThat(ProblemCode.forServiceStatus(409)).isEqualTo(ProblemCode.INVALID_REQUEST);
        assertThat(ProblemCode.forServiceStatus(431)).isEqualTo(ProblemCode.HEADERS_TOO_LARGE);
        assertThat(ProblemCode.forServiceStatus(500)).isEqualTo(ProblemCode.UPSTREAM_ERROR);
        assertThat(ProblemCode.forServiceStatus(503)).isEqualTo(ProblemCode.UPSTREAM_ERROR);
    }

    @Test
    void theGatewaysOwnBareStatusesKeepTheirCodes() {
        assertThat(ProblemCode.forStatus(400)).isEqualTo(ProblemCode.BAD_REQUEST);
        assertThat(ProblemCode.forStatus(414)).isEqualTo(ProblemCode.URI_TOO_LONG);
        assertThat(ProblemCode.forStatus(502)).isEqualTo(ProblemCode.BAD_GATEWAY);
    }

    @Test
    void problemTypesAreKebabCaseUrns() {
        assertThat(ProblemCode.CSRF_TOKEN_INVALID.type()).isEqualTo("urn:dangjian:problem:csrf-token-invalid");
        assertThat(ProblemCode.forStatus(413)).isEqualTo(ProblemCode.PAYLOAD_TOO_LARGE);
    }
}
