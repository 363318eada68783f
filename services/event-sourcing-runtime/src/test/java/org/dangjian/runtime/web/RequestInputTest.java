package org.dangjian.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;

import org.dangjian.runtime.domain.RuleViolation;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The runtime's input rules on their own: ids, parameters, request targets, forwarded headers. */
class RequestInputTest {

    @Test
    void anUpperCaseUuidIsTheSameIdAndAnythingElseIsRefused() {
        assertThat(AggregateIds.canonical("id", "6F1C2A7E-3B1D-4C2E-9A57-0C3D5E8F1A2B")).isEqualTo("6f1c2a7e-3b1d-4c2e-9a57-0c3d5e8f1a2b");
        for (String bad : new String[] {"not-a-uuid", "0-0-0-0-0", "6f1c2a7e-3b1d-4c2e-9a57-0c3d5e8f1a2", "６f1c2a7e-3b1d-4c2e-9a57-0c3d5e8f1a2b", ""}) {
            assertThatThrownBy(() -> AggregateIds.canonical("id", bad)).isInstanceOf(RuleViolation.class)
                    .extracting(e -> ((RuleViolation) e).code()).isEqualTo("INVALID_ID");
        }
    }

    @Test
    void parametersAreDecimalIntegersAndTrueOrFalseOnly() {
        assertThat(StrictParameters.longValue("0")).isZero();
        assertThat(StrictParameters.longValue("-12")).isEqualTo(-12);
        assertThat(StrictParameters.longValue("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        for (String bad : new String[] {"0x10", "#10", "010", "+5", "1e3", "1.5", " 1", "99999999999999999999"}) {
            assertThatThrownBy(() -> StrictParameters.longValue(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(StrictParameters.booleanValue("true")).isTrue();
        for (String bad : new String[] {"yes", "on", "1", "TRUE", "True"}) {
            assertThatThrownBy(() -> StrictParameters.booleanValue(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    enum Colour { RED, DARK_RED }

    @Test
    void enumParametersAreAConstantsExactNameOnly() {
        assertThat(StrictParameters.enumValue(Colour.class, "DARK_RED")).isEqualTo(Colour.DARK_RED);
        for (String bad : new String[] {" RED", "RED ", "red", "Red", "0", "1", "DARK", "$VALUES", "valueOf", "RED\u0000", "%20RED"}) {
            assertThatThrownBy(() -> StrictParameters.enumValue(Colour.class, bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aPageIsASliceOfTheWholeListWithItsTotal() {
        java.util.List<Integer> all = java.util.List.of(1, 2, 3, 4, 5);
        assertThat(PageOf.of(all, 0, 2)).isEqualTo(new PageOf<>(java.util.List.of(1, 2), 0, 2, 5));
        assertThat(PageOf.of(all, 2, 2)).isEqualTo(new PageOf<>(java.util.List.of(5), 2, 2, 5));
        assertThat(PageOf.of(all, 3, 2).items()).isEmpty();
        assertThat(PageOf.of(all, Integer.MAX_VALUE, 200).items()).as("no overflow far past the end").isEmpty();
        assertThat(PageOf.of(all, 0, 50).map(items -> items.stream().map(String::valueOf).toList()))
                .isEqualTo(new PageOf<>(java.util.List.of("1", "2", "3", "4", "5"), 0, 50, 5));
    }

    @Test
    void requestTargetsTomcatCannotReadAreKnownBeforeTomcatRefusesThem() {
        assertThat(MalformedRequestTargets.wellFormed("/units/6f1c2a7e%2D3b1d")).isTrue();
        assertThat(MalformedRequestTargets.wellFormed("/units/../tree")).isTrue();
        assertThat(MalformedRequestTargets.wellFormed("/units/%E5%85%9A")).isTrue();
        assertThat(MalformedRequestTargets.wellFormed("/units/%")).isFalse();
        assertThat(MalformedRequestTargets.wellFormed("/units/%zz")).isFalse();
        assertThat(MalformedRequestTargets.wellFormed("/units/a%4")).isFalse();
        assertThat(MalformedRequestTargets.wellFormed("/../units")).isFalse();
        assertThat(MalformedRequestTargets.wellFormed("/units/%2e%2E/%2e%2e/x")).isFalse();
        assertThat(MalformedRequestTargets.wellFormed("/units/..;x=1/..;y/x")).isFalse();
    }

    @Test
    void forwardedHeadersCountFromTheGatewaysAddressOnly() throws Exception {
        TrustedForwardedHeaders filter = new TrustedForwardedHeaders("10\\.0\\.0\\.7");
        assertThat(hostSeen(filter, "10.0.0.7")).isEqualTo("gateway.example");
        assertThat(hostSeen(filter, "10.0.0.8")).isEqualTo("service.internal");
        assertThat(hostSeen(filter, "110.0.0.78")).as("a regular expression of whole addresses").isEqualTo("service.internal");
    }

    private static String hostSeen(TrustedForwardedHeaders filter, String peer) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v3/api-docs");
        request.setRemoteAddr(peer);
        request.setServerName("service.internal");
        request.addHeader("X-Forwarded-Host", "gateway.example");
        AtomicReference<String> seen = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            seen.set(req.getServerName());
            assertThat(((jakarta.servlet.http.HttpServletRequest) req).getHeader("X-Forwarded-Host"))
                    .as("no one downstream sees it either way").isNull();
        });
        return seen.get();
    }
}
