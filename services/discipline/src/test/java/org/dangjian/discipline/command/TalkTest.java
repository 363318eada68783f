package org.dangjian.discipline.command;

import static org.dangjian.discipline.command.Fixtures.ID;
import static org.dangjian.discipline.command.Fixtures.MEMBER;
import static org.dangjian.discipline.command.Fixtures.RULES;
import static org.dangjian.discipline.command.Fixtures.code;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dangjian.contracts.discipline.InquiryAnswered;
import org.dangjian.contracts.discipline.InquiryIssued;
import org.dangjian.contracts.discipline.TalkConcluded;
import org.dangjian.contracts.discipline.TalkHeld;
import org.dangjian.contracts.discipline.TalkKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Talks (held, concluded) and written inquiries (issued, answered, concluded only once answered); every refusal by its code. */
class TalkTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    static final TalkHeld HELD = new TalkHeld(ID, TalkKind.INTEGRITY_TALK, MEMBER, DAY, List.of("赵纪检"), "提醒严守廉洁纪律", "年度廉政谈话安排");
    static final InquiryIssued ISSUED = new InquiryIssued(ID, MEMBER, DAY, "请就反映的问题作出说明", LocalDate.of(2026, 11, 16), "群众来信");

    private FixtureConfiguration<Talk> talks;

    @BeforeEach
    void setUp() {
        talks = new AggregateTestFixture<>(Talk.class);
        talks.registerAnnotatedCommandHandler(new DisciplineCommandHandlers(null, talks.getRepository(), null, null, null, null, RULES));
    }

    @Test
    void aTalkIsHeldAndConcludedAnInquiryIsNotHeld() {
        talks.givenNoPriorActivity().when(new TalkCommands.HoldTalk(ID, TalkKind.INTEGRITY_TALK, MEMBER, DAY, List.of("赵纪检"), "提醒严守廉洁纪律",
                "年度廉政谈话安排")).expectEvents(HELD);
        talks.givenNoPriorActivity().when(new TalkCommands.HoldTalk(ID, TalkKind.WRITTEN_INQUIRY, MEMBER, DAY, List.of("赵纪检"), "x", "y"))
                .expectException(code("INQUIRY_IS_ISSUED"));
        talks.givenNoPriorActivity().when(new TalkCommands.HoldTalk(ID, TalkKind.REMINDER, MEMBER, LocalDate.of(2027, 1, 1), List.of("赵纪检"), "x",
                "y")).expectException(code("DATE_IN_FUTURE"));
        talks.given(HELD).when(new TalkCommands.ConcludeTalk(ID, DAY, "本人表示接受")).expectEvents(new TalkConcluded(ID, TalkKind.INTEGRITY_TALK,
                DAY, "本人表示接受"));
        talks.given(HELD).when(new TalkCommands.AnswerInquiry(ID, DAY, "回复")).expectException(code("NOT_AN_INQUIRY"));
        talks.given(HELD, new TalkConcluded(ID, TalkKind.INTEGRITY_TALK, DAY, "接受")).when(new TalkCommands.ConcludeTalk(ID, DAY, "再次"))
                .expectException(code("TALK_ALREADY_CONCLUDED"));
    }

    @Test
    void anInquiryIsIssuedAnsweredOnceAndConcludedOnlyOnceAnswered() {
        talks.givenNoPriorActivity().when(new TalkCommands.IssueInquiry(ID, MEMBER, DAY, "请就反映的问题作出说明", LocalDate.of(2026, 11, 16), "群众来信"))
                .expectEvents(ISSUED);
        talks.givenNoPriorActivity().when(new TalkCommands.IssueInquiry(ID, MEMBER, DAY, "问题", LocalDate.of(2026, 11, 1), "来信"))
                .expectException(code("DUE_BEFORE_ISSUE"));
        talks.given(ISSUED).when(new TalkCommands.ConcludeTalk(ID, LocalDate.of(2026, 11, 20), "了结")).expectException(code("INQUIRY_NOT_ANSWERED"));
        InquiryAnswered answered = new InquiryAnswered(ID, LocalDate.of(2026, 11, 10), "已作出书面说明");
        talks.given(ISSUED).when(new TalkCommands.AnswerInquiry(ID, LocalDate.of(2026, 11, 10), "已作出书面说明")).expectEvents(answered);
        talks.given(ISSUED).when(new TalkCommands.AnswerInquiry(ID, LocalDate.of(2026, 11, 1), "早于发出")).expectException(code("DATE_BEFORE_PREVIOUS_STEP"));
        talks.given(ISSUED, answered).when(new TalkCommands.AnswerInquiry(ID, LocalDate.of(2026, 11, 11), "再答")).expectException(code("INQUIRY_ALREADY_ANSWERED"));
        talks.given(ISSUED, answered).when(new TalkCommands.ConcludeTalk(ID, LocalDate.of(2026, 11, 12), "了结澄清"))
                .expectEvents(new TalkConcluded(ID, TalkKind.WRITTEN_INQUIRY, LocalDate.of(2026, 11, 12), "了结澄清"));
    }
}
