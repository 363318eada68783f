package org.dangjian.discipline.command;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.contracts.discipline.TalkKind;
import org.dangjian.runtime.command.AggregateCodes;

/** The commands of talks and written inquiries (谈话函询). */
public final class TalkCommands {

    private TalkCommands() {
    }

    /** 谈话: a talk held with a member (integrity talk, interview, admonishment talk, "红脸出汗" reminder). */
    @AggregateCodes(notFound = "TALK_NOT_FOUND", alreadyExists = "TALK_ALREADY_EXISTS")
    public record HoldTalk(@TargetAggregateIdentifier String talkId, TalkKind kind, String memberId, LocalDate date, List<String> talkers,
                           String content, String basis) {
    }

    /** 函询: a written inquiry issued to a member, to be answered by a day. */
    @AggregateCodes(notFound = "TALK_NOT_FOUND", alreadyExists = "TALK_ALREADY_EXISTS")
    public record IssueInquiry(@TargetAggregateIdentifier String talkId, String memberId, LocalDate date, String questions, LocalDate dueDate,
                               String basis) {
    }

    /** 函询回复: the member's written answer. */
    @AggregateCodes(notFound = "TALK_NOT_FOUND")
    public record AnswerInquiry(@TargetAggregateIdentifier String talkId, LocalDate date, String answer) {
    }

    /** 了结: a talk or an answered inquiry concluded, with its outcome. */
    @AggregateCodes(notFound = "TALK_NOT_FOUND")
    public record ConcludeTalk(@TargetAggregateIdentifier String talkId, LocalDate date, String outcome) {
    }
}
