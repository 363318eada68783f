package org.dangjian.discipline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The discipline supervision service (纪检监督): inspections of service windows and sections (明察暗访) with findings
 * and rectification (整改), talks and written inquiries (谈话函询), accountability and disciplinary cases (问责, 党纪处分)
 * whose sanctions publish their effect for the one-vote veto (一票否决), and cadre selection supervision (选人用人监督).
 * Sensitive by default: the case content is stored and published on the restricted topic only, read by discipline
 * inspectors and auditors only, and every read of a record is itself recorded.
 */
@SpringBootApplication
public class DisciplineApplication {

    public static void main(String[] args) {
        SpringApplication.run(DisciplineApplication.class, args);
    }
}
