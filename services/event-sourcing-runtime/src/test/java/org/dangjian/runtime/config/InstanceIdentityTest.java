package org.dangjian.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;

import org.apache.kafka.common.requests.JoinGroupRequest;

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

    /** Found by the platform benchmark: host:port made an id Kafka refused, and the read models never consumed. */
    @Test
    void theGroupInstanceIdIsOneKafkaAccepts() {
        for (InstanceIdentity identity : List.of(InstanceIdentity.of("", "vm", "8081"), InstanceIdentity.of("组织服务 #1", "host", "8081"),
                InstanceIdentity.of(null, "ip-10-0-0-1.ec2.internal", "8081"))) {
            String id = identity.groupInstanceId("organisation", "organisation-units");
            assertThatCode(() -> JoinGroupRequest.validateGroupInstanceId(id)).as(id).doesNotThrowAnyException();
            assertThat(id).startsWith("organisation-organisation-units.");
        }
        assertThat(InstanceIdentity.of("", "vm", "8081").groupInstanceId("organisation", "organisation-units"))
                .isEqualTo("organisation-organisation-units.vm_8081");
    }
}
