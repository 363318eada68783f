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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** Outside demo mode there is no demo account to sign in with or to show, and no demo client to fetch tokens with. */
class DemoModeSwitchTest {

    private static final String STRONG = "c2VjcmV0LW9mLXRoZS1kZXBsb3ltZW50LTEyMzQ1Njc4";

    private static final IdentityProperties.DemoUser DANGWEI = new IdentityProperties.DemoUser(
            "dangwei", "王建华", List.of(PlatformRole.COMMITTEE_STAFF), UUID.fromString("00000000-0000-4000-8000-000000000001"));
    private static final IdentityProperties.MachineClient DEMO_LOADER = new IdentityProperties.MachineClient(
            "demo-data-loader", "演示数据加载", "demo-data-loader-secret", List.of("COMMITTEE_STAFF"));
    private static final IdentityProperties.MachineClient DEPARTMENT = new IdentityProperties.MachineClient(
            "renshi-department", "人事部门", STRONG, null);

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void outsideDemoModeTheDemoUsersCannotSignInAndAreNotListed() {
        IdentityProperties properties = properties(false);
        SecurityConfiguration configuration = new SecurityConfiguration();
        UserDirectory users = configuration.userDirectory(properties);
        UserDetailsService userDetails = configuration.userDetailsService(properties, users, encoder);

        assertThatThrownBy(() -> userDetails.loadUserByUsername("dangwei")).isInstanceOf(UsernameNotFoundException.class);
        assertThat(users.find("dangwei")).isEmpty();
        assertThat(new LoginController(properties, users).demoUsers()).isEmpty();
    }

    @Test
    void outsideDemoModeTheDemoClientsAreNotRegisteredButTheDepartmentsAre() {
        RegisteredClientRepository clients = RegisteredClients.repository(properties(false), encoder);

        assertThat(clients.findByClientId("demo-data-loader")).as("the demo-data loader's secret is documented").isNull();
        assertThat(clients.findByClientId("renshi-department")).isNotNull();
        assertThat(clients.findByClientId(RegisteredClients.WEB_CLIENT_ID)).isNotNull();
    }

    @Test
    void inDemoModeTheDemoUsersSignInWithTheirRoleAndTheDemoClientsExist() {
        IdentityProperties properties = properties(true);
        SecurityConfiguration configuration = new SecurityConfiguration();
        UserDirectory users = configuration.userDirectory(properties);
        UserDetailsService userDetails = configuration.userDetailsService(properties, users, encoder);

        assertThat(userDetails.loadUserByUsername("dangwei").getAuthorities())
                .extracting(Object::toString).containsExactly("ROLE_COMMITTEE_STAFF");
        assertThat(new LoginController(properties, users).demoUsers()).extracting("username").containsExactly("dangwei");
        assertThat(RegisteredClients.repository(properties, encoder).findByClientId("demo-data-loader")).isNotNull();
    }

    private static IdentityProperties properties(boolean demo) {
        return new IdentityProperties(URI.create("http://localhost:9000"), Path.of("unused.json"), "dangjian",
                List.of(URI.create("http://localhost:8080/login/oauth2/code/dangjian")), List.of(),
                STRONG, List.of(DEPARTMENT), new IdentityProperties.Demo(demo, "dangjian", List.of(DANGWEI), List.of(DEMO_LOADER)));
    }
}
