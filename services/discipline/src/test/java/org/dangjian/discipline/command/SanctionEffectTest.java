package org.dangjian.discipline.command;

import static org.dangjian.discipline.command.Fixtures.ID;
import static org.dangjian.discipline.command.Fixtures.MEMBER;

import java.time.LocalDate;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dangjian.contracts.discipline.CaseDecided;
import org.dangjian.contracts.discipline.CaseSanctionEnded;
import org.dangjian.contracts.discipline.Sanction;
import org.dangjian.contracts.discipline.SanctionEnded;
import org.dangjian.contracts.discipline.SanctionTookEffect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sanction's published effect carries who, which sanction, from and until when, and nothing of the case (its
 * matter, basis, proposals); its end the day it ends. Driven here as the case's handler drives it.
 */
class SanctionEffectTest {

    static final String SANCTION_ID = CaseCommands.sanctionIdOf(ID);

    record Publish(@TargetAggregateIdentifier String sanctionId, CaseDecided decision, String memberId) {
    }

    record End(@TargetAggregateIdentifier String sanctionId, CaseSanctionEnded end, String memberId) {
    }

    static final class Handlers {
        private final Repository<SanctionEffect> sanctions;

        Handlers(Repository<SanctionEffect> sanctions) {
            this.sanctions = sanctions;
        }

        @CommandHandler
        void handle(Publish command) throws Exception {
            sanctions.newInstance(() -> new SanctionEffect(command.decision(), command.memberId()));
        }

        @CommandHandler
        void handle(End command) {
            sanctions.load(command.sanctionId()).execute(effect -> effect.end(command.end(), command.memberId()));
        }
    }

    private FixtureConfiguration<SanctionEffect> effects;

    @BeforeEach
    void setUp() {
        effects = new AggregateTestFixture<>(SanctionEffect.class);
        effects.registerAnnotatedCommandHandler(new Handlers(effects.getRepository()));
    }

    @Test
    void theEffectNamesTheMemberTheSanctionAndItsPeriodAndItsEndTheDay() {
        CaseDecided decision = new CaseDecided(ID, Sanction.SERIOUS_WARNING, null, "《中国共产党纪律处分条例》（案件依据，不公开）",
                LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 3), LocalDate.of(2028, 5, 3), SANCTION_ID);
        SanctionTookEffect took = new SanctionTookEffect(SANCTION_ID, MEMBER, Sanction.SERIOUS_WARNING, LocalDate.of(2026, 11, 3), LocalDate.of(2028, 5, 3));
        effects.givenNoPriorActivity().when(new Publish(SANCTION_ID, decision, MEMBER)).expectEvents(took);
        effects.given(took).when(new End(SANCTION_ID, new CaseSanctionEnded(ID, SANCTION_ID, LocalDate.of(2026, 11, 20), "经复查撤销（不公开）"), MEMBER))
                .expectEvents(new SanctionEnded(SANCTION_ID, MEMBER, LocalDate.of(2026, 11, 20)));
    }
}
