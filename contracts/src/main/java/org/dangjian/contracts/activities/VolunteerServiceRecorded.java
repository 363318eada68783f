package org.dangjian.contracts.activities;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 志愿服务登记: a member's hours of volunteer service were recorded (subject: the service record's id).
 *
 * @param serviceId the volunteer service record's id (UUID)
 * @param kind      which kind of service
 * @param memberId  the member (the members service's record id)
 * @param hours     hours served, in steps of 0.5, more than 0 and at most 24
 * @param date      the day of the service
 */
@EventType(name = "org.dangjian.activities.VolunteerServiceRecorded", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VolunteerServiceRecorded(
        String serviceId,
        VolunteerServiceKind kind,
        String memberId,
        BigDecimal hours,
        LocalDate date) {
}
