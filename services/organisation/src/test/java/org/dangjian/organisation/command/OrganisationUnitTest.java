package org.dangjian.organisation.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.dangjian.contracts.organisation.MassOrganisationType;
import org.dangjian.contracts.organisation.OrganisationUnitDissolved;
import org.dangjian.contracts.organisation.OrganisationUnitEstablished;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.contracts.organisation.OrganisationUnitRenamed;
import org.dangjian.runtime.domain.RuleViolation;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every command handler of an organisation unit: what it records, and each thing it refuses. */
class OrganisationUnitTest {

    private static final String COMMITTEE = "00000000-0000-4000-8000-000000000001";
    private static final String BRANCH = "00000000-0000-4000-8000-000000000011";
    private static final String NEW_UNIT = "00000000-0000-4000-8000-000000000099";

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private AggregateTestFixture<OrganisationUnit> fixture;
    private final Map<String, OrganisationStructure.Parent> parents = new HashMap<>();
    /** What other units' streams say: unit id → active under its parent (absent: no stream). */
    private final Map<String, Boolean> activeUnder = new HashMap<>();
    private final Map<OrganisationUnitId, Map<OrganisationUnitId, Instant>> registry = new HashMap<>();
    private final Set<String> activeInReadModel = new HashSet<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OrganisationUnit.class);
        UnitStreams streams = new UnitStreams() {
            @Override
            public Optional<OrganisationStructure.Parent> parent(OrganisationUnitId id) {
                return Optional.ofNullable(parents.get(id.value()));
            }

            @Override
            public Optional<Boolean> activeUnder(OrganisationUnitId unit, OrganisationUnitId parent) {
                return Optional.ofNullable(activeUnder.get(unit.value()));
            }
        };
        SubordinateRegistry subordinates = new SubordinateRegistry() {
            @Override
            public void register(OrganisationUnitId parent, OrganisationUnitId unit, Instant at) {
                registry.computeIfAbsent(parent, p -> new HashMap<>()).put(unit, at);
            }

            @Override
            public Map<OrganisationUnitId, Instant> registeredUnder(OrganisationUnitId parent) {
                return registry.getOrDefault(parent, Map.of());
            }
        };
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        fixture.registerAnnotatedCommandHandler(new EstablishOrganisationUnitHandler(fixture.getRepository(), streams, subordinates, clock));
        fixture.registerAnnotatedCommandHandler(new DissolveOrganisationUnitHandler(fixture.getRepository(), subordinates, streams,
                unit -> activeInReadModel.contains(unit.value()), clock));
    }

    private void registered(String parent, String unit, Instant at) {
        registry.computeIfAbsent(new OrganisationUnitId(parent), p -> new HashMap<>()).put(new OrganisationUnitId(unit), at);
    }

    private static OrganisationUnitEstablished committeeEstablished() {
        return new OrganisationUnitEstablished(COMMITTEE, OrganisationUnitKind.COMMITTEE, null, "中心党委", null, null);
    }

    private static EstablishOrganisationUnitCommand establish(OrganisationUnitKind kind, MassOrganisationType type, String name, String parent) {
        return new EstablishOrganisationUnitCommand(new OrganisationUnitId(NEW_UNIT), kind, type, name,
                parent == null ? null : new OrganisationUnitId(parent), "党委会议决定");
    }

    private void parent(String id, OrganisationUnitKind kind, boolean dissolved) {
        parents.put(id, new OrganisationStructure.Parent(new OrganisationUnitId(id), kind, dissolved));
    }

    private static void refusedWith(ResultValidator<OrganisationUnit> result, String code) {
        result.expectNoEvents().expectException(new TypeSafeMatcher<Throwable>() {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                return thrown instanceof RuleViolation violation && violation.code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation with code " + code);
            }
        });
    }

    @Nested
    class Establishing {

        @Test
        void aCommitteeStandsAtTheTopWithoutAParent() {
            fixture.givenNoPriorActivity()
                    .when(establish(OrganisationUnitKind.COMMITTEE, null, "  中心党委 ", null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OrganisationUnitEstablished(NEW_UNIT, OrganisationUnitKind.COMMITTEE, null, "中心党委", null, "党委会议决定"));
        }

        @Test
        void aBranchIsEstablishedUnderTheCommitteeAndRegisteredThere() {
            parent(COMMITTEE, OrganisationUnitKind.COMMITTEE, false);
            fixture.givenNoPriorActivity()
                    .when(establish(OrganisationUnitKind.BRANCH, null, "第一党支部", COMMITTEE))
                    .expectEvents(new OrganisationUnitEstablished(NEW_UNIT, OrganisationUnitKind.BRANCH, null, "第一党支部", COMMITTEE, "党委会议决定"));
            assertThat(registry.get(new OrganisationUnitId(COMMITTEE))).containsKey(new OrganisationUnitId(NEW_UNIT));
        }

        @Test
        void aRefusedEstablishmentIsNotRegistered() {
            parent(COMMITTEE, OrganisationUnitKind.COMMITTEE, false);
            refusedWith(fixture.givenNoPriorActivity().when(establish(OrganisationUnitKind.PARTY_GROUP, null, "第一党小组", COMMITTEE)),
                    "KIND_NOT_ALLOWED_UNDER_PARENT");
            assertThat(registry).isEmpty();
        }

        @Test
        void aMassOrganisationNamesItsType() {
            parent(COMMITTEE, OrganisationUnitKind.COMMITTEE, false);
            fixture.givenNoPriorActivity()
                    .when(establish(OrganisationUnitKind.MASS_ORGANISATION, MassOrganisationType.TRADE_UNION, "中心工会", COMMITTEE))
                    .expectEvents(new OrganisationUnitEstablished(NEW_UNIT, OrganisationUnitKind.MASS_ORGANISATION,
                            MassOrganisationType.TRADE_UNION, "中心工会", COMMITTEE, "党委会议决定"));
        }

        @Test
        void anUnknownParentIsRefused() {
            refusedWith(fixture.givenNoPriorActivity().when(establish(OrganisationUnitKind.BRANCH, null, "第一党支部", BRANCH)),
                    "PARENT_NOT_FOUND");
        }

        @Test
        void aDissolvedParentTakesNoNewUnits() {
            parent(COMMITTEE, OrganisationUnitKind.COMMITTEE, true);
            refusedWith(fixture.givenNoPriorActivity()
                    .when(establish(OrganisationUnitKind.BRANCH, null, "第一党支部", COMMITTEE)), "PARENT_DISSOLVED");
        }

        @Test
        void aBranchCannotStandUnderAPartyGroup() {
            parent(BRANCH, OrganisationUnitKind.PARTY_GROUP, false);
            refusedWith(fixture.givenNoPriorActivity()
                    .when(establish(OrganisationUnitKind.BRANCH, null, "第一党支部", BRANCH)), "KIND_NOT_ALLOWED_UNDER_PARENT");
        }

        @Test
        void aCommitteeCannotStandUnderAnotherUnit() {
            parent(COMMITTEE, OrganisationUnitKind.COMMITTEE, false);
            refusedWith(fixture.givenNoPriorActivity()
                    .when(establish(OrganisationUnitKind.COMMITTEE, null, "第二党委", COMMITTEE)), "KIND_NOT_ALLOWED_UNDER_PARENT");
        }

        @Test
        void onlyACommitteeMayStandWithoutAParent() {
            refusedWith(fixture.givenNoPriorActivity().when(establish(OrganisationUnitKind.BRANCH, null, "第一党支部", null)),
                    "PARENT_REQUIRED");
        }

        @Test
        void aMassOrganisationWithoutItsTypeIsRefused() {
            parent(COMMITTEE, OrganisationUnitKind.COMMITTEE, false);
            refusedWith(fixture.givenNoPriorActivity()
                    .when(establish(OrganisationUnitKind.MASS_ORGANISATION, null, "中心工会", COMMITTEE)), "MASS_ORGANISATION_TYPE_REQUIRED");
        }

        @Test
        void aMassOrganisationTypeOnAnotherKindIsRefused() {
            parent(COMMITTEE, OrganisationUnitKind.COMMITTEE, false);
            refusedWith(fixture.givenNoPriorActivity()
                    .when(establish(OrganisationUnitKind.BRANCH, MassOrganisationType.YOUTH_LEAGUE, "第一党支部", COMMITTEE)),
                    "MASS_ORGANISATION_TYPE_NOT_APPLICABLE");
        }

        @Test
        void aBlankOrOverlongNameIsRefused() {
            parent(COMMITTEE, OrganisationUnitKind.COMMITTEE, false);
            refusedWith(fixture.givenNoPriorActivity()
                    .when(establish(OrganisationUnitKind.BRANCH, null, "   ", COMMITTEE)), "INVALID_NAME");
            refusedWith(fixture.givenNoPriorActivity()
                    .when(establish(OrganisationUnitKind.BRANCH, null, "支".repeat(101), COMMITTEE)), "INVALID_NAME");
        }
    }

    @Nested
    class Renaming {

        @Test
        void aUnitTakesANewNameAndTheEventKeepsTheOldOne() {
            fixture.given(committeeEstablished())
                    .when(new RenameOrganisationUnitCommand(new OrganisationUnitId(COMMITTEE), "服务中心党委", "机构更名"))
                    .expectEvents(new OrganisationUnitRenamed(COMMITTEE, "中心党委", "服务中心党委", "机构更名"));
        }

        @Test
        void aDissolvedUnitCannotBeRenamed() {
            refusedWith(fixture.given(committeeEstablished(), new OrganisationUnitDissolved(COMMITTEE, null))
                    .when(new RenameOrganisationUnitCommand(new OrganisationUnitId(COMMITTEE), "服务中心党委", null)), "UNIT_DISSOLVED");
        }

        @Test
        void renamingToTheSameNameIsRefused() {
            refusedWith(fixture.given(committeeEstablished())
                    .when(new RenameOrganisationUnitCommand(new OrganisationUnitId(COMMITTEE), "中心党委", null)), "NAME_UNCHANGED");
        }

        @Test
        void aBlankNameIsRefused() {
            refusedWith(fixture.given(committeeEstablished())
                    .when(new RenameOrganisationUnitCommand(new OrganisationUnitId(COMMITTEE), " ", null)), "INVALID_NAME");
        }

        @Test
        void anOverlongReasonIsRefused() {
            refusedWith(fixture.given(committeeEstablished())
                    .when(new RenameOrganisationUnitCommand(new OrganisationUnitId(COMMITTEE), "服务中心党委", "由".repeat(1001))),
                    "INVALID_REASON");
        }
    }

    @Nested
    class Dissolving {

        @Test
        void aUnitWithoutActiveSubordinatesIsDissolved() {
            fixture.given(committeeEstablished())
                    .when(new DissolveOrganisationUnitCommand(new OrganisationUnitId(COMMITTEE), "机构撤并"))
                    .expectEvents(new OrganisationUnitDissolved(COMMITTEE, "机构撤并"));
        }

        @Test
        void aUnitIsDissolvedOnlyOnce() {
            refusedWith(fixture.given(committeeEstablished(), new OrganisationUnitDissolved(COMMITTEE, null))
                    .when(new DissolveOrganisationUnitCommand(new OrganisationUnitId(COMMITTEE), null)), "UNIT_ALREADY_DISSOLVED");
        }

        @Test
        void aUnitWithAnActiveSubordinateIsNotDissolved() {
            registered(COMMITTEE, BRANCH, NOW.minusSeconds(3600));
            activeUnder.put(BRANCH, true);
            refusedWith(fixture.given(committeeEstablished())
                    .when(new DissolveOrganisationUnitCommand(new OrganisationUnitId(COMMITTEE), null)), "UNIT_HAS_ACTIVE_SUBORDINATES");
        }

        @Test
        void aUnitWhoseSubordinatesAreAllDissolvedIsDissolved() {
            registered(COMMITTEE, BRANCH, NOW.minusSeconds(3600));
            activeUnder.put(BRANCH, false);
            fixture.given(committeeEstablished())
                    .when(new DissolveOrganisationUnitCommand(new OrganisationUnitId(COMMITTEE), null))
                    .expectEvents(new OrganisationUnitDissolved(COMMITTEE, null));
        }

        @Test
        void aSubordinateWhoseEstablishmentIsStillBeingStoredCountsAsActive() {
            registered(COMMITTEE, BRANCH, NOW.minusSeconds(5));
            refusedWith(fixture.given(committeeEstablished())
                    .when(new DissolveOrganisationUnitCommand(new OrganisationUnitId(COMMITTEE), null)), "UNIT_HAS_ACTIVE_SUBORDINATES");
        }

        @Test
        void aRegistrationWhoseEstablishmentNeverGotStoredNoLongerCounts() {
            registered(COMMITTEE, BRANCH, NOW.minus(DissolveOrganisationUnitHandler.PENDING).minusSeconds(1));
            fixture.given(committeeEstablished())
                    .when(new DissolveOrganisationUnitCommand(new OrganisationUnitId(COMMITTEE), null))
                    .expectEvents(new OrganisationUnitDissolved(COMMITTEE, null));
        }

        @Test
        void anActiveSubordinateKnownOnlyToTheReadModelStillCounts() {
            activeInReadModel.add(COMMITTEE);
            refusedWith(fixture.given(committeeEstablished())
                    .when(new DissolveOrganisationUnitCommand(new OrganisationUnitId(COMMITTEE), null)), "UNIT_HAS_ACTIVE_SUBORDINATES");
        }
    }

    @Test
    void everyRefusalCarriesAStableUpperSnakeCaseCode() {
        RuleViolation violation = RuleViolation.conflict("UNIT_DISSOLVED", "Unit {0} is dissolved", COMMITTEE);
        assertThat(violation.code()).isEqualTo("UNIT_DISSOLVED");
        assertThat(violation.getMessage()).isEqualTo("Unit " + COMMITTEE + " is dissolved");
    }
}
