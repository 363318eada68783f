package org.dangjian.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What the OpenAPI document says of an endpoint's {@code @PreAuthorize} rule ({@code x-dangjian-access}). */
class AccessRulesTest {

    @Test
    void theRolesOfARuleAreStatedAndARuleOfAnotherFormIsNot() {
        assertThat(AccessRules.roles("hasRole('COMMITTEE_STAFF')")).containsExactly("COMMITTEE_STAFF");
        assertThat(AccessRules.roles("hasAnyRole('AUDITOR', 'PLATFORM_OPERATOR')")).containsExactly("AUDITOR", "PLATFORM_OPERATOR");
        assertThat(AccessRules.roles("hasRole('AUDITOR') or hasRole('DEPARTMENT')")).containsExactly("AUDITOR", "DEPARTMENT");
        assertThat(AccessRules.roles(Roles.SIGNED_IN)).isEqualTo(List.of(AccessRules.SIGNED_IN));
        assertThat(AccessRules.roles("hasRole('AUDITOR') and #id == principal.name")).as("not a plain rule: stated as none").isNull();
        assertThat(AccessRules.roles("permitAll()")).isNull();
    }
}
