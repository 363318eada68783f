package org.dangjian.activities;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The activities service (活动): "三会一课" and the rest of organisational life scheduled, held and cancelled,
 * attendance (出勤) per member, volunteer service (志愿服务) hours; calendars, participation records and timelines; the
 * compliance of "三会一课" (三会一课落实情况) per branch and period, concluded and published once a period has ended.
 */
@SpringBootApplication
public class ActivitiesApplication {

    public static void main(String[] args) {
        SpringApplication.run(ActivitiesApplication.class, args);
    }
}
