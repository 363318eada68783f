package org.dangjian.discipline.command;

import static org.dangjian.discipline.command.Fixtures.BRANCH;
import static org.dangjian.discipline.command.Fixtures.ID;
import static org.dangjian.discipline.command.Fixtures.RULES;
import static org.dangjian.discipline.command.Fixtures.code;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dangjian.contracts.discipline.FindingRecorded;
import org.dangjian.contracts.discipline.FindingSeverity;
import org.dangjian.contracts.discipline.InspectionCarriedOut;
import org.dangjian.contracts.discipline.InspectionClosed;
import org.dangjian.contracts.discipline.InspectionMode;
import org.dangjian.contracts.discipline.InspectionPlanned;
import org.dangjian.contracts.discipline.InspectionTarget;
import org.dangjian.contracts.discipline.RectificationReported;
import org.dangjian.contracts.discipline.RectificationRequired;
import org.dangjian.contracts.discipline.RectificationVerified;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An inspection (明察暗访) step by step: planned, carried out, findings numbered in order, rectification required by a
 * deadline, reported, sent back and reported again, accepted, closed; every refusal by its code.
 */
class InspectionTest {

    static final LocalDate PLANNED = LocalDate.of(2026, 11, 10);
    static final LocalDate CARRIED_OUT = LocalDate.of(2026, 11, 12);
    static final InspectionPlanned PLAN = new InspectionPlanned(ID, InspectionTarget.WINDOW, "不动产登记窗口", BRANCH, InspectionMode.UNANNOUNCED,
            PLANNED, List.of("赵纪检", "钱纪检"), "在岗、着装、服务态度");
    static final InspectionCarriedOut DONE = new InspectionCarriedOut(ID, CARRIED_OUT, "上午 9 时暗访，6 人在岗");
    static final FindingRecorded FIRST = new FindingRecorded(ID, 1, "一名工作人员上班时间玩手机", FindingSeverity.GENERAL, List.of("照片编号 031"));
    static final RectificationRequired REQUIRED = new RectificationRequired(ID, "加强窗口纪律管理", LocalDate.of(2026, 11, 20), "窗口负责人");
    static final RectificationReported REPORTED = new RectificationReported(ID, LocalDate.of(2026, 11, 18), "已约谈当事人", List.of());

    private FixtureConfiguration<Inspection> inspections;

    @BeforeEach
    void setUp() {
        inspections = new AggregateTestFixture<>(Inspection.class);
        inspections.registerAnnotatedCommandHandler(new DisciplineCommandHandlers(inspections.getRepository(), null, null, null, null, null, RULES));
    }

    @Test
    void anInspectionIsPlannedWithItsTextsStrippedAndItsListsCheckedOnce() {
        inspections.givenNoPriorActivity().when(new InspectionCommands.PlanInspection(ID, InspectionTarget.WINDOW, " 不动产登记窗口 ", BRANCH,
                InspectionMode.UNANNOUNCED, PLANNED, List.of("赵纪检", " 钱纪检 "), "在岗、着装、服务态度")).expectEvents(PLAN);
        inspections.givenNoPriorActivity().when(new InspectionCommands.PlanInspection(ID, InspectionTarget.WINDOW, "窗口", null, InspectionMode.OPEN,
                PLANNED, List.of("赵纪检", "赵纪检"), null)).expectException(code("DUPLICATE_ENTRY"));
        inspections.givenNoPriorActivity().when(new InspectionCommands.PlanInspection(ID, InspectionTarget.WINDOW, "窗口", null, InspectionMode.OPEN,
                PLANNED, List.of(), null)).expectException(code("INVALID_LIST"));
        inspections.givenNoPriorActivity().when(new InspectionCommands.PlanInspection(ID, null, "窗口", null, InspectionMode.OPEN, PLANNED,
                List.of("赵纪检"), null)).expectException(code("INVALID_REQUEST"));
    }

    @Test
    void itIsCarriedOutOnceNotInTheFutureAndFindingsAreNumberedInOrder() {
        inspections.given(PLAN).when(new InspectionCommands.CarryOutInspection(ID, CARRIED_OUT, "上午 9 时暗访，6 人在岗")).expectEvents(DONE);
        inspections.given(PLAN).when(new InspectionCommands.CarryOutInspection(ID, LocalDate.of(2026, 11, 29), "明天")).expectException(code("DATE_IN_FUTURE"));
        inspections.given(PLAN, DONE).when(new InspectionCommands.CarryOutInspection(ID, CARRIED_OUT, "又一次"))
                .expectException(code("INSPECTION_ALREADY_CARRIED_OUT"));
        inspections.given(PLAN).when(new InspectionCommands.RecordFinding(ID, "问题", FindingSeverity.MINOR, List.of()))
                .expectException(code("INSPECTION_NOT_CARRIED_OUT"));
        inspections.given(PLAN, DONE, FIRST).when(new InspectionCommands.RecordFinding(ID, "服务指南未及时更新", FindingSeverity.MINOR, null))
                .expectEvents(new FindingRecorded(ID, 2, "服务指南未及时更新", FindingSeverity.MINOR, List.of()));
    }

    @Test
    void rectificationIsRequiredOfFindingsByADeadlineNotBeforeTheInspection() {
        inspections.given(PLAN, DONE).when(new InspectionCommands.RequireRectification(ID, "整改", LocalDate.of(2026, 11, 20), "负责人"))
                .expectException(code("NO_FINDINGS"));
        inspections.given(PLAN, DONE, FIRST).when(new InspectionCommands.RequireRectification(ID, "加强窗口纪律管理", LocalDate.of(2026, 11, 20),
                "窗口负责人")).expectEvents(REQUIRED);
        inspections.given(PLAN, DONE, FIRST).when(new InspectionCommands.RequireRectification(ID, "整改", LocalDate.of(2026, 11, 1), "负责人"))
                .expectException(code("DEADLINE_BEFORE_INSPECTION"));
        inspections.given(PLAN, DONE, FIRST, REQUIRED).when(new InspectionCommands.RecordFinding(ID, "又一个", FindingSeverity.MINOR, List.of()))
                .expectException(code("FINDINGS_CLOSED"));
        inspections.given(PLAN, DONE, FIRST, REQUIRED).when(new InspectionCommands.RequireRectification(ID, "再次", LocalDate.of(2026, 11, 30), "x"))
                .expectException(code("RECTIFICATION_ALREADY_REQUIRED"));
    }

    @Test
    void aReportIsSentBackReportedAgainAcceptedAndOnlyThenClosed() {
        inspections.given(PLAN, DONE, FIRST).when(new InspectionCommands.ReportRectification(ID, LocalDate.of(2026, 11, 18), "已整改", List.of()))
                .expectException(code("RECTIFICATION_NOT_REQUIRED"));
        inspections.given(PLAN, DONE, FIRST, REQUIRED).when(new InspectionCommands.ReportRectification(ID, LocalDate.of(2026, 11, 18), "已约谈当事人",
                null)).expectEvents(REPORTED);
        inspections.given(PLAN, DONE, FIRST, REQUIRED).when(new InspectionCommands.VerifyRectification(ID, LocalDate.of(2026, 11, 19), true, "好"))
                .expectException(code("RECTIFICATION_NOT_REPORTED"));
        RectificationVerified sentBack = new RectificationVerified(ID, LocalDate.of(2026, 11, 19), false, "制度未公示");
        inspections.given(PLAN, DONE, FIRST, REQUIRED, REPORTED).when(new InspectionCommands.VerifyRectification(ID, LocalDate.of(2026, 11, 19),
                false, "制度未公示")).expectEvents(sentBack);
        inspections.given(PLAN, DONE, FIRST, REQUIRED, REPORTED).when(new InspectionCommands.VerifyRectification(ID, LocalDate.of(2026, 11, 17),
                true, "好")).expectException(code("DATE_BEFORE_PREVIOUS_STEP"));
        inspections.given(PLAN, DONE, FIRST, REQUIRED, REPORTED, sentBack).when(new InspectionCommands.CloseInspection(ID, LocalDate.of(2026, 11, 20),
                "办结")).expectException(code("RECTIFICATION_NOT_VERIFIED"));
        RectificationReported again = new RectificationReported(ID, LocalDate.of(2026, 11, 21), "制度已公示", List.of("公示照片 2026-11"));
        RectificationVerified accepted = new RectificationVerified(ID, LocalDate.of(2026, 11, 22), true, "整改到位");
        inspections.given(PLAN, DONE, FIRST, REQUIRED, REPORTED, sentBack).when(new InspectionCommands.ReportRectification(ID,
                LocalDate.of(2026, 11, 21), "制度已公示", List.of("公示照片 2026-11"))).expectEvents(again);
        inspections.given(PLAN, DONE, FIRST, REQUIRED, REPORTED, sentBack, again, accepted).when(new InspectionCommands.CloseInspection(ID,
                LocalDate.of(2026, 11, 23), "问题已整改到位，予以办结"))
                .expectEvents(new InspectionClosed(ID, LocalDate.of(2026, 11, 23), "问题已整改到位，予以办结"));
    }

    @Test
    void anInspectionWithoutFindingsClosesOnceCarriedOutAndAClosedOneTakesNoStep() {
        inspections.given(PLAN).when(new InspectionCommands.CloseInspection(ID, CARRIED_OUT, "未发现问题")).expectException(code("INSPECTION_NOT_CARRIED_OUT"));
        InspectionClosed closed = new InspectionClosed(ID, LocalDate.of(2026, 11, 13), "未发现问题");
        inspections.given(PLAN, DONE).when(new InspectionCommands.CloseInspection(ID, LocalDate.of(2026, 11, 13), "未发现问题")).expectEvents(closed);
        inspections.given(PLAN, DONE, closed).when(new InspectionCommands.RecordFinding(ID, "补充", FindingSeverity.MINOR, List.of()))
                .expectException(code("INSPECTION_CLOSED"));
        inspections.given(PLAN, DONE, closed).when(new InspectionCommands.CloseInspection(ID, LocalDate.of(2026, 11, 14), "再次")).expectException(code("INSPECTION_CLOSED"));
    }
}
