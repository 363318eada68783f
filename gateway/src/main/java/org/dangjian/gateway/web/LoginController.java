package org.dangjian.gateway.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /login}: a bookmarkable way in. Like every page that needs a session, it first sends the browser to
 * the identity provider; once logged in, it leads to the start page.
 */
@RestController
public class LoginController {

    @GetMapping("/login")
    public ResponseEntity<Void> login() {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/")).build();
    }
}
