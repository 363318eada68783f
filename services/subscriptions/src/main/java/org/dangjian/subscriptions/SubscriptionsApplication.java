package org.dangjian.subscriptions;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The subscriptions service (事件订阅): other departments (人事, 组织部, 纪委 …) ask for the platform's published events,
 * the party committee grants, refuses, changes or revokes each request (every decision an event on the subscription's
 * own timeline), and the service delivers what each grant allows, by server-sent events that resume from {@code
 * Last-Event-ID} or by webhooks signed with HMAC-SHA256, retried with backoff and kept as dead letters when they keep
 * failing. No discipline case content is ever delivered (the restricted topic is not read), personal data only as the
 * grant names it, and every delivery is recorded for auditors.
 */
@SpringBootApplication
@EnableScheduling
public class SubscriptionsApplication {

    public static void main(String[] args) {
        SpringApplication.run(SubscriptionsApplication.class, args);
    }
}
