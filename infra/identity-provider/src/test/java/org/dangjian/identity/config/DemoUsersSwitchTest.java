package org.dangjian.identity.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.dangjian.identity.users.PlatformRole;
import org.dangjian.identity.users.UserDirectory;
import org.dangjian.identity.web.LoginController;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** A deployment that switches the demo users off has no demo account to sign in with or to show. */
class DemoUsersSwitchTest {

    private static final IdentityProperties.DemoUser DANGWEI = new IdentityProperties.DemoUser(
            "dangwei", "王建华", List.of(PlatformRole.COMMITTEE_STAFF), UUID.fromString("00000000-0000-4000-8000-000000000001"));

    @Test
    void switchedOffDemoUsersCannotSignInAndAreNotListed() {
        IdentityProperties properties = properties(new IdentityProperties.DemoUsers(false, "dangjian", List.of(DANGWEI)));
        SecurityConfiguration configuration = new SecurityConfiguration();
        UserDirectory users = configuration.userDirectory(properties);
        UserDetailsService userDetails = configuration.userDetailsService(properties, users, PasswordEncoderFactories.createDelegatingPasswordEncoder());

        assertThatThrownBy(() -> userDetails.loadUserByUsername("dangwei")).isInstanceOf(UsernameNotFoundException.class);
        assertThat(users.find("dangwei")).isEmpty();
        assertThat(new LoginController(properties, users).demoUsers()).isEmpty();
    }

    @Test
    void enabledDemoUsersCanSignInWithTheirRole() {
        IdentityProperties properties = properties(new IdentityProperties.DemoUsers(true, "dangjian", List.of(DANGWEI)));
        SecurityConfiguration configuration = new SecurityConfiguration();
        UserDirectory users = configuration.userDirectory(properties);
        UserDetailsService userDetails = configuration.userDetailsService(properties, users, PasswordEncoderFactories.createDelegatingPasswordEncoder());

        assertThat(userDetails.loadUserByUsername("dangwei").getAuthorities())
                .extracting(Object::toString).containsExactly("ROLE_COMMITTEE_STAFF");
        assertThat(new LoginController(properties, users).demoUsers()).extracting("username").containsExactly("dangwei");
    }

    private static IdentityProperties properties(IdentityProperties.DemoUsers demoUsers) {
        return new IdentityProperties(URI.create("http://localhost:9000"), Path.of("unused.json"),
                List.of(URI.create("http://localhost:8080/login/oauth2/code/dangjian")), List.of(),
                "secret", List.of(), demoUsers);
    }
}
