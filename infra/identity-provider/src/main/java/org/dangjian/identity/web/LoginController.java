package org.dangjian.identity.web;

import java.security.Principal;
import java.util.List;

import org.dangjian.identity.config.IdentityProperties;
import org.dangjian.identity.users.PlatformUser;
import org.dangjian.identity.users.UserDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login page (登录页), in Chinese first and English second. It lists the demo accounts only in demo
 * mode, so that a newcomer to the embedded default can sign in.
 */
@Controller
public class LoginController {

    private final IdentityProperties properties;
    private final UserDirectory users;

    public LoginController(IdentityProperties properties, UserDirectory users) {
        this.properties = properties;
        this.users = users;
    }

    @GetMapping("/login")
    public String login(@RequestParam(required = false) String error,
                        @RequestParam(required = false) String logout,
                        Model model) {
        model.addAttribute("error", error != null);
        model.addAttribute("loggedOut", logout != null);
        model.addAttribute("demoUsers", demoUsers());
        model.addAttribute("demoPassword", properties.demo().enabled() ? properties.demo().password() : null);
        return "login";
    }

    /** Where a direct login (one not started by a client) ends. */
    @GetMapping("/")
    public String home(Principal principal, Model model) {
        model.addAttribute("username", principal.getName());
        model.addAttribute("user", users.find(principal.getName()).orElse(null));
        return "home";
    }

    /** The demo accounts to show, none outside demo mode. */
    public List<PlatformUser> demoUsers() {
        return properties.demo().enabled() ? users.all() : List.of();
    }
}
