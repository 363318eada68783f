package org.dangjian.contracts.members;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 培训记录: a member took part in a training (e.g. for party-affairs cadres, 党务干部培训).
 *
 * @param memberId  the member record's id (UUID)
 * @param training  its number in the member's record (1, 2, ...)
 * @param course    the course's name
 * @param organiser who held it
 * @param endedOn   the training's last day
 * @param hours     its hours (学时), in steps of 0.5
 */
@EventType(name = "org.dangjian.members.MemberTrainingRecorded", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberTrainingRecorded(
        String memberId,
        int training,
        String course,
        String organiser,
        LocalDate endedOn,
        BigDecimal hours) {
}
