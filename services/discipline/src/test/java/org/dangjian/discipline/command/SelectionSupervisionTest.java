package org.dangjian.discipline.command;

import static org.dangjian.discipline.command.Fixtures.ID;
import static org.dangjian.discipline.command.Fixtures.RULES;
import static org.dangjian.discipline.command.Fixtures.code;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dangjian.contracts.discipline.SelectionStage;
import org.dangjian.contracts.discipline.SelectionStageChecked;
import org.dangjian.contracts.discipline.SelectionSupervisionConcluded;
import org.dangjian.contracts.discipline.SelectionSupervisionOpened;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cadre selection supervision: stages checked (the latest counts), concluded once, not compliant while a stage is not. */
class SelectionSupervisionTest {

    static final SelectionSupervisionOpened OPENED = new SelectionSupervisionOpened(ID, "综合科科长", "政务服务中心", LocalDate.of(2026, 9, 1), null);
    static final SelectionStageChecked NOT_COMPLIANT = new SelectionStageChecked(ID, SelectionStage.DEMOCRATIC_RECOMMENDATION,
            LocalDate.of(2026, 9, 10), false, "推荐范围偏小");

    private FixtureConfiguration<SelectionSupervision> selections;

    @BeforeEach
    void setUp() {
        selections = new AggregateTestFixture<>(SelectionSupervision.class);
        selections.registerAnnotatedCommandHandler(new DisciplineCommandHandlers(null, null, null, null, selections.getRepository(), null, RULES));
    }

    @Test
    void stagesAreCheckedAndANonCompliantOneBarsACompliantConclusionUntilCheckedAgain() {
        selections.givenNoPriorActivity().when(new SelectionCommands.OpenSelectionSupervision(ID, "综合科科长", "政务服务中心", LocalDate.of(2026, 9, 1), " "))
                .expectEvents(OPENED);
        selections.given(OPENED).when(new SelectionCommands.CheckSelectionStage(ID, SelectionStage.DEMOCRATIC_RECOMMENDATION, LocalDate.of(2026, 9, 10),
                false, "推荐范围偏小")).expectEvents(NOT_COMPLIANT);
        selections.given(OPENED).when(new SelectionCommands.CheckSelectionStage(ID, null, LocalDate.of(2026, 9, 10), true, null))
                .expectException(code("INVALID_REQUEST"));
        selections.given(OPENED, NOT_COMPLIANT).when(new SelectionCommands.ConcludeSelectionSupervision(ID, LocalDate.of(2026, 9, 30), true, "合规"))
                .expectException(code("STAGE_NOT_COMPLIANT"));
        SelectionStageChecked again = new SelectionStageChecked(ID, SelectionStage.DEMOCRATIC_RECOMMENDATION, LocalDate.of(2026, 9, 20), true, "已扩大推荐范围");
        selections.given(OPENED, NOT_COMPLIANT, again).when(new SelectionCommands.ConcludeSelectionSupervision(ID, LocalDate.of(2026, 9, 30), true,
                "程序规范")).expectEvents(new SelectionSupervisionConcluded(ID, LocalDate.of(2026, 9, 30), true, "程序规范"));
        selections.given(OPENED, NOT_COMPLIANT).when(new SelectionCommands.ConcludeSelectionSupervision(ID, LocalDate.of(2026, 9, 30), false,
                "推荐环节不规范")).expectEvents(new SelectionSupervisionConcluded(ID, LocalDate.of(2026, 9, 30), false, "推荐环节不规范"));
        SelectionSupervisionConcluded done = new SelectionSupervisionConcluded(ID, LocalDate.of(2026, 9, 30), false, "x");
        selections.given(OPENED, done).when(new SelectionCommands.CheckSelectionStage(ID, SelectionStage.PUBLICITY, LocalDate.of(2026, 10, 1), true, null))
                .expectException(code("SELECTION_SUPERVISION_CONCLUDED"));
    }
}
