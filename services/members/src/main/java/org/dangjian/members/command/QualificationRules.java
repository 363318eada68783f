package org.dangjian.members.command;

import java.math.BigDecimal;
import java.time.Period;

/**
 * The rules of the party-affairs cadres' certification (党务干部任前资格认证): the training hours of the twelve months
 * before it ({@code dangjian.members.qualification-training-hours}, 32 by default) and how long it is valid
 * ({@code dangjian.members.qualification-validity}, 3 years by default).
 */
public record QualificationRules(BigDecimal minimumHours, Period validity) {

    public static QualificationRules defaults() {
        return new QualificationRules(new BigDecimal("32"), Period.ofYears(3));
    }
}
