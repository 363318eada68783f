package org.dangjian.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FirewallRejectionHandlerTest {

    @Test
    void theDetailSaysWhichPartOfTheRequestTheFirewallRefused() {
        assertThat(FirewallRejectionHandler.detailKey("The request was rejected because the URL contained a potentially"
                + " malicious String \"%2e\"")).isEqualTo("problem.REQUEST_REJECTED.path");
        assertThat(FirewallRejectionHandler.detailKey("The request was rejected because the URL was not normalized"))
                .isEqualTo("problem.REQUEST_REJECTED.path");
        assertThat(FirewallRejectionHandler.detailKey("The request was rejected because the header: \"X-A \" has a value"
                + " \"\u0007\" that is not allowed.")).isEqualTo("problem.REQUEST_REJECTED.header");
        assertThat(FirewallRejectionHandler.detailKey("The request was rejected because the parameter name \"\u0007\" is"
                + " not allowed.")).isEqualTo("problem.REQUEST_REJECTED.parameter");
        assertThat(FirewallRejectionHandler.detailKey("The request was rejected because the domain evil.example is"
                + " untrusted.")).isEqualTo("problem.REQUEST_REJECTED.host");
        assertThat(FirewallRejectionHandler.detailKey("something new")).isNull();
    }
}
