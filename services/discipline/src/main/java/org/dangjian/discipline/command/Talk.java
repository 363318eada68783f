package org.dangjian.discipline.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.discipline.InquiryAnswered;
import org.dangjian.contracts.discipline.InquiryIssued;
import org.dangjian.contracts.discipline.TalkConcluded;
import org.dangjian.contracts.discipline.TalkHeld;
import org.dangjian.contracts.discipline.TalkKind;
import org.dangjian.runtime.domain.RuleViolation;

/**
 * A talk or written inquiry (谈话函询) with a member: a talk (integrity talk 廉政谈话, interview 约谈, admonishment talk
 * 诫勉谈话, "红脸出汗" reminder) is held and then concluded; a written inquiry (函询) is issued, answered in writing, and
 * concluded only once answered. Restricted: case content.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class Talk {

    /** Where a talk or inquiry stands. */
    enum State { HELD, ISSUED, ANSWERED, CONCLUDED }

    @AggregateIdentifier
    private String talkId;
    private TalkKind kind;
    private State state;
    private LocalDate lastStep;

    protected Talk() {
        // for Axon
    }

    Talk(TalkCommands.HoldTalk command, DisciplineRules rules) {
        if (command.kind() == null || command.memberId() == null) {
            throw DisciplineRules.invalid("kind, memberId");
        }
        if (command.kind() == TalkKind.WRITTEN_INQUIRY) {
            throw RuleViolation.invalid("INQUIRY_IS_ISSUED", "A written inquiry (函询) is issued and answered, not held: issue it instead");
        }
        apply(new TalkHeld(command.talkId(), command.kind(), command.memberId(), rules.past("date", command.date()),
                DisciplineRules.list("talkers", command.talkers(), 1, 100), DisciplineRules.text("content", command.content(), 4000),
                DisciplineRules.text("basis", command.basis(), 500)));
    }

    Talk(TalkCommands.IssueInquiry command, DisciplineRules rules) {
        if (command.memberId() == null) {
            throw DisciplineRules.invalid("memberId");
        }
        LocalDate date = rules.past("date", command.date());
        LocalDate due = DisciplineRules.day("dueDate", command.dueDate());
        if (due.isBefore(date)) {
            throw RuleViolation.conflict("DUE_BEFORE_ISSUE", "The answer is due on {0}, before the inquiry was issued ({1})", due.toString(),
                    date.toString());
        }
        apply(new InquiryIssued(command.talkId(), command.memberId(), date, DisciplineRules.text("questions", command.questions(), 4000), due,
                DisciplineRules.text("basis", command.basis(), 500)));
    }

    void answer(TalkCommands.AnswerInquiry command, DisciplineRules rules) {
        if (kind != TalkKind.WRITTEN_INQUIRY) {
            throw RuleViolation.conflict("NOT_AN_INQUIRY", "{0} is a talk, not a written inquiry: it has no written answer", talkId);
        }
        if (state != State.ISSUED) {
            throw RuleViolation.conflict("INQUIRY_ALREADY_ANSWERED", "Inquiry {0} was answered already", talkId);
        }
        apply(new InquiryAnswered(talkId, rules.step(command.date(), lastStep), DisciplineRules.text("answer", command.answer(), 8000)));
    }

    void conclude(TalkCommands.ConcludeTalk command, DisciplineRules rules) {
        if (state == State.CONCLUDED) {
            throw RuleViolation.conflict("TALK_ALREADY_CONCLUDED", "{0} is concluded already", talkId);
        }
        if (state == State.ISSUED) {
            throw RuleViolation.conflict("INQUIRY_NOT_ANSWERED", "Inquiry {0} is not answered yet: it is concluded once answered", talkId);
        }
        apply(new TalkConcluded(talkId, kind, rules.step(command.date(), lastStep),
                DisciplineRules.text("outcome", command.outcome(), 2000)));
    }


    @EventSourcingHandler
    void on(TalkHeld event) {
        talkId = event.talkId();
        kind = event.kind();
        state = State.HELD;
        lastStep = event.date();
    }

    @EventSourcingHandler
    void on(InquiryIssued event) {
        talkId = event.talkId();
        kind = TalkKind.WRITTEN_INQUIRY;
        state = State.ISSUED;
        lastStep = event.date();
    }

    @EventSourcingHandler
    void on(InquiryAnswered event) {
        state = State.ANSWERED;
        lastStep = event.date();
    }

    @EventSourcingHandler
    void on(TalkConcluded event) {
        state = State.CONCLUDED;
        lastStep = event.date();
    }
}
