package org.dangjian.members.command;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The periods of the way into the party (发展党员的期限), as configured, and the day it is today in the service's time
 * zone. Defaults: at least 6 months as an activist before becoming a development object (the rule; the 2014
 * 《中国共产党发展党员工作细则》 asks for more than a year of training, so a committee that keeps to it configures 12
 * months), a probation of one year, an extension of 6 to 12 months.
 *
 * @param activistMinimum        how long at least between the activist and the development-object dates
 * @param probation              the probation, from the admitting branch meeting's day
 * @param extensionMinimumMonths the shortest extension of a probation
 * @param extensionMaximumMonths the longest
 * @param zone                   where business dates are days (Asia/Shanghai)
 * @param clock                  what time it is
 */
public record MembershipRules(Period activistMinimum, Period probation, int extensionMinimumMonths, int extensionMaximumMonths, ZoneId zone,
                              Clock clock) {

    public static final Period DEFAULT_ACTIVIST_MINIMUM = Period.ofMonths(6);
    public static final Period DEFAULT_PROBATION = Period.ofYears(1);
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public MembershipRules {
        Objects.requireNonNull(activistMinimum);
        Objects.requireNonNull(probation);
        Objects.requireNonNull(zone);
        Objects.requireNonNull(clock);
        if (activistMinimum.isNegative() || probation.isNegative() || probation.isZero()) {
            throw new IllegalArgumentException("dangjian.members: the activist minimum may not be negative, the probation must be positive");
        }
        if (extensionMinimumMonths < 1 || extensionMaximumMonths < extensionMinimumMonths) {
            throw new IllegalArgumentException("dangjian.members: extensions need 1 <= minimum <= maximum months");
        }
    }

    /** The defaults, on the given clock. */
    public static MembershipRules defaults(Clock clock) {
        return new MembershipRules(DEFAULT_ACTIVIST_MINIMUM, DEFAULT_PROBATION, 6, 12, DEFAULT_ZONE, clock);
    }

    /** Today, in the service's time zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The first day an activist designated on {@code activistDate} may become a development object. */
    public LocalDate developmentObjectFrom(LocalDate activistDate) {
        return activistDate.plus(activistMinimum);
    }

    /** The day a probation that began on {@code branchMeetingDate} ends. */
    public LocalDate probationEnd(LocalDate branchMeetingDate) {
        return branchMeetingDate.plus(probation);
    }
}
