package org.dangjian.audit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The audit service (审计): a witness of every service's published record. It reads every topic (the restricted ones
 * too) and keeps what it saw: each stream's events with their hashes, checked as they arrive; timelines of every
 * assessed or inspected subject, of every organisation unit and member, across services; the state of any of them as
 * of any past moment; signed checkpoints over all streams' heads, with proofs anyone can verify; replays of the record
 * compared with the live one. It changes nothing in any other service.
 */
@SpringBootApplication
@EnableScheduling
public class AuditApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuditApplication.class, args);
    }
}
