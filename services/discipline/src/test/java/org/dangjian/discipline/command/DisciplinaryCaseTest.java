package org.dangjian.discipline.command;

import static org.dangjian.discipline.command.Fixtures.ID;
import static org.dangjian.discipline.command.Fixtures.MEMBER;
import static org.dangjian.discipline.command.Fixtures.RULES;
import static org.dangjian.discipline.command.Fixtures.code;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dangjian.contracts.discipline.AccountabilityMeasure;
import org.dangjian.contracts.discipline.CaseDecided;
import org.dangjian.contracts.discipline.CaseOpened;
import org.dangjian.contracts.discipline.CaseSanctionEnded;
import org.dangjian.contracts.discipline.CaseType;
import org.dangjian.contracts.discipline.MeasureProposed;
import org.dangjian.contracts.discipline.Sanction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A case (问责, 党纪处分): opened, a measure of its type proposed, decided on a proposal; a sanction's decision and end
 * write its published effect on its own stream in the same command (the effect's events: {@link SanctionEffectTest});
 * every refusal by its code.
 */
class DisciplinaryCaseTest {

    static final LocalDate OPENED = LocalDate.of(2026, 10, 8);
    static final LocalDate DECIDED = LocalDate.of(2026, 11, 3);
    static final String SANCTION_ID = CaseCommands.sanctionIdOf(ID);
    static final CaseOpened SANCTION_CASE = new CaseOpened(ID, CaseType.SANCTION, MEMBER, "违规收受服务对象礼品", "初步核实报告", OPENED);
    static final CaseOpened ACCOUNTABILITY_CASE = new CaseOpened(ID, CaseType.ACCOUNTABILITY, MEMBER, "窗口作风问题突出", "明察暗访情况", OPENED);
    static final MeasureProposed PROPOSED = new MeasureProposed(ID, Sanction.WARNING, null, "情节较轻", LocalDate.of(2026, 10, 20));
    static final CaseDecided DECISION = new CaseDecided(ID, Sanction.WARNING, null, "纪律处分条例", DECIDED, DECIDED, LocalDate.of(2027, 11, 3),
            SANCTION_ID);

    private FixtureConfiguration<DisciplinaryCase> cases;
    private org.axonframework.modelling.command.Repository<SanctionEffect> sanctions;
    private org.axonframework.modelling.command.Aggregate<SanctionEffect> effect;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() throws Exception {
        cases = new AggregateTestFixture<>(DisciplinaryCase.class);
        // the published effect is another stream: its own events are SanctionEffectTest's; here, that the handler writes it
        sanctions = org.mockito.Mockito.mock(org.axonframework.modelling.command.Repository.class);
        effect = org.mockito.Mockito.mock(org.axonframework.modelling.command.Aggregate.class);
        org.mockito.Mockito.when(sanctions.load(SANCTION_ID)).thenReturn(effect);
        cases.registerAnnotatedCommandHandler(new DisciplineCommandHandlers(null, null, cases.getRepository(), sanctions, null, null, RULES));
    }

    @Test
    void aCaseIsOpenedAgainstAMemberOnADayNotInTheFuture() {
        cases.givenNoPriorActivity().when(new CaseCommands.OpenCase(ID, CaseType.SANCTION, MEMBER, " 违规收受服务对象礼品 ", "初步核实报告", OPENED))
                .expectEvents(SANCTION_CASE);
        cases.givenNoPriorActivity().when(new CaseCommands.OpenCase(ID, CaseType.SANCTION, MEMBER, "事实", "依据", LocalDate.of(2026, 12, 1)))
                .expectException(code("DATE_IN_FUTURE"));
        cases.givenNoPriorActivity().when(new CaseCommands.OpenCase(ID, null, MEMBER, "事实", "依据", OPENED)).expectException(code("INVALID_REQUEST"));
    }

    @Test
    void aProposalAndADecisionAreOfTheCasesType() {
        cases.given(SANCTION_CASE).when(new CaseCommands.ProposeMeasure(ID, Sanction.WARNING, null, "情节较轻", LocalDate.of(2026, 10, 20)))
                .expectEvents(PROPOSED);
        cases.given(SANCTION_CASE).when(new CaseCommands.ProposeMeasure(ID, null, AccountabilityMeasure.NOTICE, "通报", OPENED))
                .expectException(code("SANCTION_REQUIRED"));
        cases.given(ACCOUNTABILITY_CASE).when(new CaseCommands.ProposeMeasure(ID, Sanction.WARNING, null, "警告", OPENED))
                .expectException(code("MEASURE_REQUIRED"));
        cases.given(SANCTION_CASE).when(new CaseCommands.DecideCase(ID, Sanction.WARNING, null, "条例", DECIDED, DECIDED, null))
                .expectException(code("NO_PROPOSAL"));
    }

    @Test
    void aSanctionDecidedPublishesItsEffectOnItsOwnStreamInTheSameUnitOfWork() throws Exception {
        cases.given(SANCTION_CASE, PROPOSED).when(new CaseCommands.DecideCase(ID, Sanction.WARNING, null, "纪律处分条例", DECIDED, DECIDED,
                LocalDate.of(2027, 11, 3))).expectEvents(DECISION);
        org.mockito.Mockito.verify(sanctions).newInstance(org.mockito.ArgumentMatchers.any());
        cases.given(SANCTION_CASE, PROPOSED).when(new CaseCommands.DecideCase(ID, Sanction.WARNING, null, "条例", DECIDED, DECIDED.minusDays(1), null))
                .expectException(code("EFFECT_BEFORE_DECISION"));
        cases.given(SANCTION_CASE, PROPOSED).when(new CaseCommands.DecideCase(ID, Sanction.WARNING, null, "条例", DECIDED, DECIDED, DECIDED))
                .expectException(code("INVALID_PERIOD"));
        cases.given(SANCTION_CASE, PROPOSED, DECISION).when(new CaseCommands.DecideCase(ID, Sanction.WARNING, null, "条例", DECIDED, DECIDED, null))
                .expectException(code("CASE_ALREADY_DECIDED"));
    }

    @Test
    void anAccountabilityDecisionPublishesNothingAndHasNoPeriod() {
        MeasureProposed notice = new MeasureProposed(ID, null, AccountabilityMeasure.NOTICE, "作风问题", LocalDate.of(2026, 10, 20));
        cases.given(ACCOUNTABILITY_CASE, notice).when(new CaseCommands.DecideCase(ID, null, AccountabilityMeasure.NOTICE, "问责条例", DECIDED, DECIDED,
                null)).expectEvents(new CaseDecided(ID, null, AccountabilityMeasure.NOTICE, "问责条例", DECIDED, DECIDED, null, null));
        cases.given(ACCOUNTABILITY_CASE, notice).when(new CaseCommands.DecideCase(ID, null, AccountabilityMeasure.NOTICE, "问责条例", DECIDED, DECIDED,
                LocalDate.of(2027, 1, 1))).expectException(code("INVALID_PERIOD"));
        org.mockito.Mockito.verifyNoInteractions(sanctions);
        cases.given(ACCOUNTABILITY_CASE, notice).when(new CaseCommands.EndSanction(ID, LocalDate.of(2026, 11, 20), "期满"))
                .expectException(code("NO_SANCTION_IN_EFFECT"));
    }

    @Test
    void aSanctionEndsOnceAfterItTookEffectAndItsEndIsPublishedToo() {
        cases.given(SANCTION_CASE, PROPOSED, DECISION).when(new CaseCommands.EndSanction(ID, DECIDED, "撤销"))
                .expectException(code("END_BEFORE_EFFECT"));
        CaseSanctionEnded ended = new CaseSanctionEnded(ID, SANCTION_ID, LocalDate.of(2026, 11, 20), "经复查撤销");
        cases.given(SANCTION_CASE, PROPOSED, DECISION).when(new CaseCommands.EndSanction(ID, LocalDate.of(2026, 11, 20), "经复查撤销"))
                .expectEvents(ended);
        org.mockito.Mockito.verify(effect).execute(org.mockito.ArgumentMatchers.any());
        cases.given(SANCTION_CASE, PROPOSED, DECISION, ended).when(new CaseCommands.EndSanction(ID, LocalDate.of(2026, 11, 21), "再次"))
                .expectException(code("SANCTION_ALREADY_ENDED"));
    }
}
