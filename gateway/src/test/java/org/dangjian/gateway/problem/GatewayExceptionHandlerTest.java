package org.dangjian.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
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
    void problemTypesAreKebabCaseUrns() {
        assertThat(ProblemCode.CSRF_TOKEN_INVALID.type()).isEqualTo("urn:dangjian:problem:csrf-token-invalid");
        assertThat(ProblemCode.forStatus(413)).isEqualTo(ProblemCode.PAYLOAD_TOO_LARGE);
    }
}
