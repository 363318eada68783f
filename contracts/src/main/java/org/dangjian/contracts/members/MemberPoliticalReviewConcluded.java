package org.dangjian.contracts.members;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 政治审查: the political review of a development object was concluded, passed or not. Not passed, the person stays a
 * development object and may be reviewed again; only a passed review opens the way to admission.
 *
 * @param memberId     the member record
 * @param date         the day the review was concluded
 * @param conclusion   passed or not passed
 * @param decidingBody always the party committee (党委), whose organisation department conducts it
 * @param basis        what it rests on (the review report), when given
 */
@EventType(name = "org.dangjian.members.MemberPoliticalReviewConcluded", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberPoliticalReviewConcluded(String memberId, LocalDate date, PoliticalReviewConclusion conclusion, DecidingBody decidingBody,
                                             String basis) {
}
