package org.dangjian.runtime.testing.tally;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.runtime.config.PublishedEventTypes;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.reaction.Reaction;
import org.dangjian.runtime.reaction.Reactor;
import org.dangjian.runtime.readmodel.ReadModel;
import org.dangjian.runtime.readmodel.VersionedDocuments;
import org.dangjian.runtime.testing.DrillEvents;
import org.dangjian.runtime.testing.DrillEvents.DrillHeld;
import org.dangjian.runtime.testing.DrillEvents.PointsAwarded;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * "tally", a stand-in service that lives on another service's events: a read model of the drills held (it declares
 * only {@code DrillHeld} of the drills topic), and a reaction that awards points for each drill held, as a command of
 * its own.
 */
@SpringBootApplication
@Import(TallyApplication.Tally.class)
public class TallyApplication {

    /** While set, the drills-held read model fails on members whose id starts with "poison" (a bug, say). */
    public static final java.util.concurrent.atomic.AtomicBoolean POISONED = new java.util.concurrent.atomic.AtomicBoolean();

    @Bean
    PublishedEventTypes tallyEvents() {
        return new PublishedEventTypes(DrillEvents.TALLY);
    }

    @Bean
    ReadModel drillsHeld(MongoDatabase serviceDatabase) {
        VersionedDocuments held = new VersionedDocuments(serviceDatabase, "drills_held");
        return new ReadModel() {
            @Override
            public String name() {
                return "drills-held";
            }

            @Override
            public Subscription subscription() {
                return Subscription.to(DrillHeld.class);
            }

            @Override
            public void apply(PublishedEvent event) {
                DrillHeld drill = (DrillHeld) event.payload();
                if (POISONED.get() && drill.memberId().startsWith("poison")) {
                    throw new IllegalStateException("cannot apply the drill of " + drill.memberId());
                }
                held.apply(event.aggregateId(), event.sequence(), Updates.set("memberId", drill.memberId()));
            }

            @Override
            public List<String> collections() {
                return List.of("drills_held");
            }
        };
    }

    /** The debriefs (restricted: read from the drills service's restricted topic), as an auditor's service would keep them. */
    @Bean
    ReadModel debriefs(MongoDatabase serviceDatabase) {
        VersionedDocuments debriefs = new VersionedDocuments(serviceDatabase, "debriefs");
        return new ReadModel() {
            @Override
            public String name() {
                return "debriefs";
            }

            @Override
            public Subscription subscription() {
                return Subscription.to(org.dangjian.runtime.testing.DrillEvents.DebriefRecorded.class);
            }

            @Override
            public void apply(PublishedEvent event) {
                var debrief = (org.dangjian.runtime.testing.DrillEvents.DebriefRecorded) event.payload();
                debriefs.apply(event.aggregateId(), event.sequence(), Updates.set("findings", debrief.findings()));
            }

            @Override
            public List<String> collections() {
                return List.of("debriefs");
            }
        };
    }

    @Bean
    Reaction pointsForDrills() {
        return new Reaction() {
            @Override
            public String name() {
                return "points-for-drills";
            }

            @Override
            public Subscription subscription() {
                return Subscription.to(DrillHeld.class);
            }

            @Override
            public void react(PublishedEvent event, Reactor reactor) {
                DrillHeld drill = (DrillHeld) event.payload();
                reactor.send(drill.memberId(), memberId -> new AwardPoints(memberId, 10, drill.drillId()));
            }
        };
    }

    /** Awards a member points. */
    public record AwardPoints(@TargetAggregateIdentifier String tallyId, int points, String drillId) {
    }

    /** A member's points. */
    @Aggregate
    public static class Tally {

        @AggregateIdentifier
        private String tallyId;

        protected Tally() {
        }

        @CommandHandler
        @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
        public void handle(AwardPoints command) {
            apply(new PointsAwarded(command.tallyId(), command.points(), command.drillId()));
        }

        @EventSourcingHandler
        void on(PointsAwarded event) {
            tallyId = event.tallyId();
        }
    }

}
