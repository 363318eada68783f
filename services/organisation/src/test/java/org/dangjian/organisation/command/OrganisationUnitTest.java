package org.dangjian.organisation.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.dangjian.contracts.organisation.MassOrganisationType;
import org.dangjian.contracts.organisation.OrganisationUnitDissolved;
import org.dangjian.contracts.organisation.OrganisationUnitEstablished;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.contracts.organisation.OrganisationUnitRenamed;
import org.dangjian.contracts.organisation.OrganisationUnitSubordinateAttached;
import org.dangjian.contracts.organisation.OrganisationUnitSubordinateDetached;
import org.dangjian.runtime.domain.RuleViolation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every command handler of an organisation unit: what it records (on the unit's stream and, for establishing and
 * dissolving under a superior unit, on that unit's stream too), and each thing it refuses. Axon's
 * {@code AggregateTestFixture} holds one aggregate, and these commands change two, so each test runs Axon itself on an
 * in-memory event store: the history is given as commands, and what the command under test published is compared.
 */
class OrganisationUnitTest {

    private static final String COMMITTEE = "00000000-0000-4000-8000-000000000001";
    private static final String BRANCH = "00000000-0000-4000-8000-000000000011";
    private static final String GROUP = "00000000-0000-4000-8000-000000000021";
    private static final String NEW_UNIT = "00000000-0000-4000-8000-000000000099";

    private Configuration axon;
    private final List<EventMessage<?>> published = new ArrayList<>();

    @BeforeEach
    void setUp() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(OrganisationUnit.class)
                .registerCommandHandler(c -> new EstablishOrganisationUnitHandler(c.repository(OrganisationUnit.class)))
                .registerCommandHandler(c -> new DissolveOrganisationUnitHandler(c.repository(OrganisationUnit.class)))
                .buildConfiguration();
        axon.start();
        axon.eventBus().subscribe(published::addAll);
    }

    @AfterEach
    void tearDown() {
        axon.shutdown();
    }

    /** The history: commands that must succeed. */
    private Given given(Object... commands) {
        for (Object command : commands) {
            axon.commandGateway().sendAndWait(command);
        }
        return new Given();
    }

    private final class Given {

        Then when(Object command) {
            published.clear();
            try {
                axon.commandGateway().sendAndWait(command);
                return new Then(List.copyOf(published), null);
            } catch (RuntimeException e) {
                return new Then(List.copyOf(published), e);
            }
        }
    }

    private record Then(List<EventMessage<?>> events, RuntimeException failure) {

        Then expectEvents(Object... payloads) {
            assertThat(failure).as("the command succeeds").isNull();
            assertThat(events.stream().<Object>map(EventMessage::getPayload).toList()).containsExactly(payloads);
            return this;
        }
    }

    private static void refusedWith(Then result, String code) {
        assertThat(result.failure()).as("refused with %s", code).isInstanceOf(RuleViolation.class);
        assertThat(((RuleViolation) result.failure()).code()).isEqualTo(code);
        assertThat(result.events()).as("nothing is recorded, on any stream").isEmpty();
    }

    private static EstablishOrganisationUnitCommand establish(String id, OrganisationUnitKind kind, MassOrganisationType type, String name,
                                                              String parent) {
        return new EstablishOrganisationUnitCommand(new OrganisationUnitId(id), kind, type, name,
                parent == null ? null : new OrganisationUnitId(parent), "党委会议决定");
    }

    private static EstablishOrganisationUnitCommand establish(OrganisationUnitKind kind, MassOrganisationType type, String name, String parent) {
        return establish(NEW_UNIT, kind, type, name, parent);
    }

    private static EstablishOrganisationUnitCommand committee() {
        return establish(COMMITTEE, OrganisationUnitKind.COMMITTEE, null, "中心党委", null);
    }

    private static EstablishOrganisationUnitCommand branch() {
        return establish(BRANCH, OrganisationUnitKind.BRANCH, null, "第一党支部", COMMITTEE);
    }

    private static DissolveOrganisationUnitCommand dissolve(String id) {
        return new DissolveOrganisationUnitCommand(new OrganisationUnitId(id), null);
    }

    @Nested
    class Establishing {

        @Test
        void aCommitteeStandsAtTheTopWithoutAParent() {
            given().when(establish(OrganisationUnitKind.COMMITTEE, null, "  中心党委 ", null))
                    .expectEvents(new OrganisationUnitEstablished(NEW_UNIT, OrganisationUnitKind.COMMITTEE, null, "中心党委", null, "党委会议决定"));
        }

        @Test
        void aBranchIsEstablishedUnderTheCommitteeAndRecordedOnTheCommitteesStreamToo() {
            given(committee()).when(establish(OrganisationUnitKind.BRANCH, null, "第一党支部", COMMITTEE))
                    .expectEvents(new OrganisationUnitEstablished(NEW_UNIT, OrganisationUnitKind.BRANCH, null, "第一党支部", COMMITTEE, "党委会议决定"),
                            new OrganisationUnitSubordinateAttached(COMMITTEE, NEW_UNIT, OrganisationUnitKind.BRANCH));
        }

        @Test
        void aPartyGroupStandsUnderABranch() {
            given(committee(), branch()).when(establish(OrganisationUnitKind.PARTY_GROUP, null, "第一党小组", BRANCH))
                    .expectEvents(new OrganisationUnitEstablished(NEW_UNIT, OrganisationUnitKind.PARTY_GROUP, null, "第一党小组", BRANCH, "党委会议决定"),
                            new OrganisationUnitSubordinateAttached(BRANCH, NEW_UNIT, OrganisationUnitKind.PARTY_GROUP));
        }

        @Test
        void aMassOrganisationNamesItsType() {
            given(committee()).when(establish(OrganisationUnitKind.MASS_ORGANISATION, MassOrganisationType.TRADE_UNION, "中心工会", COMMITTEE))
                    .expectEvents(new OrganisationUnitEstablished(NEW_UNIT, OrganisationUnitKind.MASS_ORGANISATION,
                                    MassOrganisationType.TRADE_UNION, "中心工会", COMMITTEE, "党委会议决定"),
                            new OrganisationUnitSubordinateAttached(COMMITTEE, NEW_UNIT, OrganisationUnitKind.MASS_ORGANISATION));
        }

        @Test
        void aRefusedEstablishmentRecordsNothingOnEitherStream() {
            refusedWith(given(committee()).when(establish(OrganisationUnitKind.PARTY_GROUP, null, "第一党小组", COMMITTEE)),
                    "KIND_NOT_ALLOWED_UNDER_PARENT");
        }

        @Test
        void anUnknownParentIsRefused() {
            refusedWith(given().when(establish(OrganisationUnitKind.BRANCH, null, "第一党支部", BRANCH)), "PARENT_NOT_FOUND");
        }

        @Test
        void aUnitCannotStandUnderItself() {
            refusedWith(given().when(establish(NEW_UNIT, OrganisationUnitKind.BRANCH, null, "第一党支部", NEW_UNIT)), "UNIT_UNDER_ITSELF");
        }

        @Test
        void aDissolvedParentTakesNoNewUnits() {
            refusedWith(given(committee(), dissolve(COMMITTEE)).when(establish(OrganisationUnitKind.BRANCH, null, "第一党支部", COMMITTEE)),
                    "PARENT_DISSOLVED");
        }

        @Test
        void aBranchCannotStandUnderAPartyGroup() {
            refusedWith(given(committee(), branch(), establish(GROUP, OrganisationUnitKind.PARTY_GROUP, null, "第一党小组", BRANCH))
                    .when(establish(OrganisationUnitKind.BRANCH, null, "第二党支部", GROUP)), "KIND_NOT_ALLOWED_UNDER_PARENT");
        }

        @Test
        void aCommitteeCannotStandUnderAnotherUnit() {
            refusedWith(given(committee()).when(establish(OrganisationUnitKind.COMMITTEE, null, "第二党委", COMMITTEE)),
                    "KIND_NOT_ALLOWED_UNDER_PARENT");
        }

        @Test
        void onlyACommitteeMayStandWithoutAParent() {
            refusedWith(given().when(establish(OrganisationUnitKind.BRANCH, null, "第一党支部", null)), "PARENT_REQUIRED");
        }

        @Test
        void aMassOrganisationWithoutItsTypeIsRefused() {
            refusedWith(given(committee()).when(establish(OrganisationUnitKind.MASS_ORGANISATION, null, "中心工会", COMMITTEE)),
                    "MASS_ORGANISATION_TYPE_REQUIRED");
        }

        @Test
        void aMassOrganisationTypeOnAnotherKindIsRefused() {
            refusedWith(given(committee()).when(establish(OrganisationUnitKind.BRANCH, MassOrganisationType.YOUTH_LEAGUE, "第一党支部", COMMITTEE)),
                    "MASS_ORGANISATION_TYPE_NOT_APPLICABLE");
        }

        @Test
        void aBlankOrOverlongNameIsRefused() {
            refusedWith(given(committee()).when(establish(OrganisationUnitKind.BRANCH, null, "   ", COMMITTEE)), "INVALID_NAME");
        }

        @Test
        void aNameWithInvisibleOrControlCharactersIsRefusedHoweverTheCommandCame() {
            refusedWith(given(committee()).when(establish(OrganisationUnitKind.BRANCH, null, "部支\u202e一第", COMMITTEE)), "INVALID_NAME");
            refusedWith(given(committee()).when(establish(OrganisationUnitKind.BRANCH, null, "\u200b\u200b", COMMITTEE)), "INVALID_NAME");
            refusedWith(given(committee()).when(establish(OrganisationUnitKind.BRANCH, null, "第一\u0000支部", COMMITTEE)), "INVALID_NAME");
        }

        @Test
        void anOverlongNameIsRefused() {
            refusedWith(given(committee()).when(establish(OrganisationUnitKind.BRANCH, null, "支".repeat(101), COMMITTEE)), "INVALID_NAME");
        }
    }

    @Nested
    class Renaming {

        @Test
        void aUnitTakesANewNameAndTheEventKeepsTheOldOne() {
            given(committee()).when(new RenameOrganisationUnitCommand(new OrganisationUnitId(COMMITTEE), "服务中心党委", "机构更名"))
                    .expectEvents(new OrganisationUnitRenamed(COMMITTEE, "中心党委", "服务中心党委", "机构更名"));
        }

        @Test
        void aDissolvedUnitCannotBeRenamed() {
            refusedWith(given(committee(), dissolve(COMMITTEE))
                    .when(new RenameOrganisationUnitCommand(new OrganisationUnitId(COMMITTEE), "服务中心党委", null)), "UNIT_DISSOLVED");
        }

        @Test
        void renamingToTheSameNameIsRefused() {
            refusedWith(given(committee()).when(new RenameOrganisationUnitCommand(new OrganisationUnitId(COMMITTEE), "中心党委", null)),
                    "NAME_UNCHANGED");
        }

        @Test
        void aBlankNameIsRefused() {
            refusedWith(given(committee()).when(new RenameOrganisationUnitCommand(new OrganisationUnitId(COMMITTEE), " ", null)), "INVALID_NAME");
        }

        @Test
        void aReasonWithControlCharactersIsRefused() {
            refusedWith(given(committee())
                    .when(new RenameOrganisationUnitCommand(new OrganisationUnitId(COMMITTEE), "服务中心党委", "依据\u001b[31m决定")), "INVALID_REASON");
        }

        @Test
        void anOverlongReasonIsRefused() {
            refusedWith(given(committee())
                    .when(new RenameOrganisationUnitCommand(new OrganisationUnitId(COMMITTEE), "服务中心党委", "由".repeat(1001))), "INVALID_REASON");
        }
    }

    @Nested
    class Dissolving {

        @Test
        void aUnitAtTheTopWithoutActiveSubordinatesIsDissolved() {
            given(committee()).when(new DissolveOrganisationUnitCommand(new OrganisationUnitId(COMMITTEE), "机构撤并"))
                    .expectEvents(new OrganisationUnitDissolved(COMMITTEE, "机构撤并"));
        }

        @Test
        void aSubordinateUnitIsDissolvedAndDetachedFromItsParentInTheSameCommand() {
            given(committee(), branch()).when(new DissolveOrganisationUnitCommand(new OrganisationUnitId(BRANCH), "并入第二党支部"))
                    .expectEvents(new OrganisationUnitDissolved(BRANCH, "并入第二党支部"),
                            new OrganisationUnitSubordinateDetached(COMMITTEE, BRANCH));
        }

        @Test
        void aUnitIsDissolvedOnlyOnce() {
            refusedWith(given(committee(), dissolve(COMMITTEE)).when(dissolve(COMMITTEE)), "UNIT_ALREADY_DISSOLVED");
        }

        @Test
        void aUnitWithAnActiveSubordinateIsNotDissolved() {
            refusedWith(given(committee(), branch()).when(dissolve(COMMITTEE)), "UNIT_HAS_ACTIVE_SUBORDINATES");
        }

        @Test
        void aUnitWhoseSubordinatesAreAllDissolvedIsDissolved() {
            given(committee(), branch(), dissolve(BRANCH)).when(dissolve(COMMITTEE))
                    .expectEvents(new OrganisationUnitDissolved(COMMITTEE, null));
        }
    }

    @Test
    void everyRefusalCarriesAStableUpperSnakeCaseCode() {
        RuleViolation violation = RuleViolation.conflict("UNIT_DISSOLVED", "Unit {0} is dissolved", COMMITTEE);
        assertThat(violation.code()).isEqualTo("UNIT_DISSOLVED");
        assertThat(violation.getMessage()).isEqualTo("Unit " + COMMITTEE + " is dissolved");
    }
}
