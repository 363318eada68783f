package org.dangjian.organisation.command;

import static org.dangjian.organisation.command.WorkFixtures.BRANCH;
import static org.dangjian.organisation.command.WorkFixtures.BRANCH_ID;
import static org.dangjian.organisation.command.WorkFixtures.CALENDAR;
import static org.dangjian.organisation.command.WorkFixtures.COMMITTEE;
import static org.dangjian.organisation.command.WorkFixtures.DISSOLVED;
import static org.dangjian.organisation.command.WorkFixtures.GROUP;
import static org.dangjian.organisation.command.WorkFixtures.ID;
import static org.dangjian.organisation.command.WorkFixtures.code;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dangjian.contracts.organisation.PlanItem;
import org.dangjian.contracts.organisation.PlanSection;
import org.dangjian.contracts.organisation.ResponsibilityEntryAdded;
import org.dangjian.contracts.organisation.ResponsibilityListDrawn;
import org.dangjian.contracts.organisation.ResponsibilityListKind;
import org.dangjian.contracts.organisation.WorkPlanImported;
import org.dangjian.contracts.organisation.WorkTaskAssigned;
import org.dangjian.contracts.organisation.WorkTaskProgressReported;
import org.dangjian.contracts.organisation.WorkTaskReviewed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Work plans imported, tasks broken out of items or put on task lists, progress and review; lists and duties; every refusal by its code. */
class PlanAndTaskTest {

    static final String PLAN_ID = PlanCommands.planIdOf(COMMITTEE.unitId(), 2026);
    static final String LIST_ID = "00000000-0000-4000-8000-0000000000a1";
    static final String FINGERPRINT = "a".repeat(64);
    static final List<PlanSection> SECTIONS = List.of(new PlanSection(1, "一", "加强政治建设", null, List.of(
            new PlanItem(1, "1", "学习贯彻", "学习贯彻。全文"), new PlanItem(2, "8", "责任制", "责任制。全文"))));
    static final WorkPlanImported PLAN = new WorkPlanImported(PLAN_ID, COMMITTEE.unitId(), 2026, "要点", null, List.of("总体思路"), SECTIONS, 2,
            FINGERPRINT);
    static final LocalDate ASSIGNED = LocalDate.of(2026, 3, 2);
    static final LocalDate DEADLINE = LocalDate.of(2026, 6, 30);
    static final WorkTaskAssigned TASK = new WorkTaskAssigned(ID, PLAN_ID, 2, null, "制定责任清单", null, BRANCH_ID, BRANCH.name(), "李明", ASSIGNED,
            DEADLINE);
    static final WorkTaskProgressReported HALF = new WorkTaskProgressReported(ID, LocalDate.of(2026, 4, 1), 50, "初稿", List.of());
    static final WorkTaskProgressReported DONE = new WorkTaskProgressReported(ID, LocalDate.of(2026, 5, 1), 100, "印发", List.of("文件"));

    @Nested
    class Plans {

        private FixtureConfiguration<WorkPlan> plans;

        @BeforeEach
        void setUp() {
            plans = new AggregateTestFixture<>(WorkPlan.class);
            plans.registerAnnotatedCommandHandler(new WorkCommandHandlers(null, null, null, plans.getRepository(), null, null, null, CALENDAR));
        }

        @Test
        void aPlanIsImportedOnceForAPartyOrganisationAndAYearNotAfterNextYear() {
            plans.givenNoPriorActivity().when(new PlanCommands.ImportPlan(PLAN_ID, COMMITTEE, 2026, "要点", null, List.of("总体思路"), SECTIONS,
                    FINGERPRINT)).expectEvents(PLAN);
            plans.givenNoPriorActivity().when(new PlanCommands.ImportPlan(PLAN_ID, COMMITTEE, 2028, "要点", null, List.of(), SECTIONS, FINGERPRINT))
                    .expectException(code("INVALID_YEAR"));
            plans.givenNoPriorActivity().when(new PlanCommands.ImportPlan(PLAN_ID, GROUP, 2026, "要点", null, List.of(), SECTIONS, FINGERPRINT))
                    .expectException(code("UNIT_NOT_ELECTIVE"));
            plans.givenNoPriorActivity().when(new PlanCommands.ImportPlan(PLAN_ID, COMMITTEE, 2026, "要点", null, List.of(), List.of(), FINGERPRINT))
                    .expectException(code("PLAN_NO_SECTIONS"));
        }
    }

    @Nested
    class Tasks {

        private FixtureConfiguration<WorkTask> tasks;

        @BeforeEach
        @SuppressWarnings("unchecked")
        void setUp() {
            tasks = new AggregateTestFixture<>(WorkTask.class);
            Repository<WorkPlan> plans = mock(Repository.class);
            Aggregate<WorkPlan> plan = mock(Aggregate.class);
            WorkPlan imported = new WorkPlan();
            imported.on(PLAN);
            when(plans.load(PLAN_ID)).thenReturn(plan);
            doAnswer(call -> {
                ((Consumer<WorkPlan>) call.getArgument(0)).accept(imported);
                return null;
            }).when(plan).execute(any());
            when(plans.load("00000000-0000-4000-8000-0000000000ff")).thenThrow(new AggregateNotFoundException("x", "x"));
            Repository<ResponsibilityList> lists = mock(Repository.class);
            Aggregate<ResponsibilityList> list = mock(Aggregate.class);
            ResponsibilityList duties = new ResponsibilityList();
            duties.on(new ResponsibilityListDrawn(LIST_ID, ResponsibilityListKind.RESPONSIBILITY, BRANCH_ID, 2026, null, "责任清单"));
            when(lists.load(LIST_ID)).thenReturn(list);
            doAnswer(call -> {
                ((Consumer<ResponsibilityList>) call.getArgument(0)).accept(duties);
                return null;
            }).when(list).execute(any());
            tasks.registerAnnotatedCommandHandler(new WorkCommandHandlers(null, null, null, plans, tasks.getRepository(), lists, null, CALENDAR));
        }

        private PlanCommands.AssignTask assign(String planId, Integer item, String listId, org.dangjian.organisation.command.UnitFacts owner,
                                               LocalDate deadline) {
            return new PlanCommands.AssignTask(ID, planId, item, listId, "制定责任清单", null, owner, "李明", ASSIGNED, deadline);
        }

        @Test
        void aTaskComesFromAPlansItem() {
            tasks.givenNoPriorActivity().when(assign(PLAN_ID, 2, null, BRANCH, DEADLINE)).expectEvents(TASK);
        }

        @Test
        void theItemAndThePlanMustExist() {
            tasks.givenNoPriorActivity().when(assign(PLAN_ID, 3, null, BRANCH, DEADLINE)).expectException(code("ITEM_NOT_FOUND"));
        }

        @Test
        void thePlanMustExist() {
            tasks.givenNoPriorActivity().when(assign("00000000-0000-4000-8000-0000000000ff", 1, null, BRANCH, DEADLINE))
                    .expectException(code("PLAN_NOT_FOUND"));
        }

        @Test
        void aTaskGoesOnATaskListNotOnAResponsibilityList() {
            tasks.givenNoPriorActivity().when(assign(null, null, LIST_ID, BRANCH, DEADLINE)).expectException(code("NOT_A_TASK_LIST"));
        }

        @Test
        void aTaskHasOneOrigin() {
            tasks.givenNoPriorActivity().when(assign(PLAN_ID, 2, LIST_ID, BRANCH, DEADLINE)).expectException(code("TASK_ORIGIN"));
        }

        @Test
        void aPlanTaskNamesItsItem() {
            tasks.givenNoPriorActivity().when(assign(PLAN_ID, null, null, BRANCH, DEADLINE)).expectException(code("TASK_ORIGIN"));
        }

        @Test
        void theOwnerIsActive() {
            tasks.givenNoPriorActivity().when(assign(PLAN_ID, 2, null, DISSOLVED, DEADLINE)).expectException(code("UNIT_NOT_ACTIVE"));
        }

        @Test
        void theDeadlineIsNotBeforeTheAssignment() {
            tasks.givenNoPriorActivity().when(assign(PLAN_ID, 2, null, BRANCH, ASSIGNED.minusDays(1)))
                    .expectException(code("DEADLINE_BEFORE_ASSIGNMENT"));
        }

        @Test
        void progressNeverGoesBackUnlessSentBackAndOnlyTheOwnersSecretaryReports() {
            tasks.given(TASK).when(new PlanCommands.ReportProgress(ID, LocalDate.of(2026, 4, 1), 50, "初稿", List.of(), BRANCH_ID)).expectEvents(HALF);
            tasks.given(TASK, HALF).when(new PlanCommands.ReportProgress(ID, LocalDate.of(2026, 4, 2), 40, "返工", List.of(), null))
                    .expectException(code("PROGRESS_BACKWARDS"));
            tasks.given(TASK).when(new PlanCommands.ReportProgress(ID, LocalDate.of(2026, 4, 1), 50, "初稿", List.of(), "another-branch"))
                    .expectException(code("NOT_YOUR_BRANCH"));
            tasks.given(TASK).when(new PlanCommands.ReportProgress(ID, LocalDate.of(2026, 4, 1), 101, "超额", List.of(), null))
                    .expectException(code("INVALID_PERCENT"));
            tasks.given(TASK).when(new PlanCommands.ReportProgress(ID, ASSIGNED.minusDays(1), 10, "早", List.of(), null))
                    .expectException(code("DATE_BEFORE_PREVIOUS_STEP"));
            WorkTaskReviewed sentBack = new WorkTaskReviewed(ID, LocalDate.of(2026, 5, 2), false, "内容不全");
            tasks.given(TASK, DONE, sentBack).when(new PlanCommands.ReportProgress(ID, LocalDate.of(2026, 5, 3), 80, "补充中", List.of(), null))
                    .expectEvents(new WorkTaskProgressReported(ID, LocalDate.of(2026, 5, 3), 80, "补充中", List.of()));
        }

        @Test
        void onlyADoneTaskIsReviewedAndAnAcceptedOneIsFinal() {
            WorkTaskReviewed accepted = new WorkTaskReviewed(ID, LocalDate.of(2026, 5, 2), true, "同意验收");
            tasks.given(TASK, DONE).when(new PlanCommands.ReviewTask(ID, LocalDate.of(2026, 5, 2), true, "同意验收")).expectEvents(accepted);
            tasks.given(TASK, HALF).when(new PlanCommands.ReviewTask(ID, LocalDate.of(2026, 5, 2), true, "同意")).expectException(code("TASK_NOT_DONE"));
            tasks.given(TASK, DONE, accepted).when(new PlanCommands.ReviewTask(ID, LocalDate.of(2026, 5, 3), true, "再次"))
                    .expectException(code("TASK_ALREADY_ACCEPTED"));
            tasks.given(TASK, DONE, accepted).when(new PlanCommands.ReportProgress(ID, LocalDate.of(2026, 5, 3), 100, "再报", List.of(), null))
                    .expectException(code("TASK_ALREADY_ACCEPTED"));
        }
    }

    @Nested
    class Lists {

        private FixtureConfiguration<ResponsibilityList> lists;
        private final ResponsibilityListDrawn drawn = new ResponsibilityListDrawn(LIST_ID, ResponsibilityListKind.RESPONSIBILITY, BRANCH_ID, 2026,
                "支部书记 李明", "责任清单");

        @BeforeEach
        void setUp() {
            lists = new AggregateTestFixture<>(ResponsibilityList.class);
            lists.registerAnnotatedCommandHandler(new WorkCommandHandlers(null, null, null, null, null, lists.getRepository(), null, CALENDAR));
        }

        @Test
        void aListIsDrawnAndAResponsibilityListTakesNumberedDuties() {
            lists.givenNoPriorActivity().when(new PlanCommands.DrawList(LIST_ID, ResponsibilityListKind.RESPONSIBILITY, BRANCH, 2026, "支部书记 李明",
                    "责任清单")).expectEvents(drawn);
            lists.givenNoPriorActivity().when(new PlanCommands.DrawList(LIST_ID, ResponsibilityListKind.TASK, BRANCH, 2030, null, "任务"))
                    .expectException(code("INVALID_YEAR"));
            lists.givenNoPriorActivity().when(new PlanCommands.DrawList(LIST_ID, null, BRANCH, 2026, null, "任务"))
                    .expectException(code("INVALID_REQUEST"));
            ResponsibilityEntryAdded first = new ResponsibilityEntryAdded(LIST_ID, 1, "履行第一责任人职责", "要点第 8 项");
            lists.given(drawn).when(new PlanCommands.AddEntry(LIST_ID, "履行第一责任人职责", "要点第 8 项")).expectEvents(first);
            lists.given(drawn, first).when(new PlanCommands.AddEntry(LIST_ID, "抓好班子建设", null))
                    .expectEvents(new ResponsibilityEntryAdded(LIST_ID, 2, "抓好班子建设", null));
            lists.given(new ResponsibilityListDrawn(LIST_ID, ResponsibilityListKind.TASK, BRANCH_ID, 2026, null, "任务清单"))
                    .when(new PlanCommands.AddEntry(LIST_ID, "任务", null)).expectException(code("NOT_A_RESPONSIBILITY_LIST"));
        }

        @Test
        void aListHoldsAtMostAHundredDuties() {
            List<Object> full = new java.util.ArrayList<>(List.of(drawn));
            for (int no = 1; no <= ResponsibilityList.MAX_ENTRIES; no++) {
                full.add(new ResponsibilityEntryAdded(LIST_ID, no, "职责 " + no, null));
            }
            lists.given(full).when(new PlanCommands.AddEntry(LIST_ID, "再加一条", null)).expectException(code("LIST_FULL"));
        }
    }
}
