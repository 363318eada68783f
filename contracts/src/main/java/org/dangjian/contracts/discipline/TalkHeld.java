package org.dangjian.contracts.discipline;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 谈话: A talk held with a member: integrity talk, interview, admonishment talk or "红脸出汗" reminder. Restricted:
 * published on the discipline service's restricted topic only (case content).
 *
 * @param talkId   the talk's id
 * @param kind     which kind of talk (not WRITTEN_INQUIRY)
 * @param memberId the member talked to
 * @param date     the day held
 * @param talkers  who talked with him (names), 1 to 20
 * @param content  what was said (谈话内容)
 * @param basis    why (依据)
 */
@EventType(name = "org.dangjian.discipline.TalkHeld", version = 1, restricted = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TalkHeld(
        String talkId,
        TalkKind kind,
        String memberId,
        LocalDate date,
        List<String> talkers,
        String content,
        String basis) {
}
