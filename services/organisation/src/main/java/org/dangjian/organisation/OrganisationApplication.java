package org.dangjian.organisation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The organisation service (组织): the organisation tree, its units' details and timelines. */
@SpringBootApplication
public class OrganisationApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrganisationApplication.class, args);
    }
}
