package org.dangjian.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InstanceIdentityTest {

    @Test
    void aConfiguredIdentityWins() {
        assertThat(InstanceIdentity.of(" organisation-1 ", "host", "8081")).isEqualTo(new InstanceIdentity("organisation-1", true));
    }

    @Test
    void otherwiseHostAndPortNameTheInstanceAcrossRestarts() {
        assertThat(InstanceIdentity.of("", "host", "8081")).isEqualTo(new InstanceIdentity("host:8081", true));
        assertThat(InstanceIdentity.of(null, "host", "8081")).isEqualTo(InstanceIdentity.of(null, "host", "8081"));
    }

    @Test
    void anInstanceOnARandomPortHasNoStableIdentity() {
        InstanceIdentity first = InstanceIdentity.of("", "host", "0");
        assertThat(first.stable()).isFalse();
        assertThat(first).isNotEqualTo(InstanceIdentity.of("", "host", "0"));
    }
}
