package org.dangjian.runtime.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import org.dangjian.runtime.eventstore.StoredEvent;
import org.dangjian.runtime.testing.DrillEvents;
import org.dangjian.runtime.testing.DrillEvents.DrillCancelled;
import org.dangjian.runtime.testing.DrillEvents.DrillHeld;
import org.dangjian.runtime.testing.DrillEvents.DrillScheduled;
import org.dangjian.testsupport.Eventually;
import org.junit.jupiter.api.Test;

/**
 * Every test of {@link ConsumerRunnerTest} again with a read model that takes a poll's events in batches (as read
 * models do: {@code ReadModel.applyAll}), and what batching itself promises.
 */
class BatchedConsumerRunnerTest extends ConsumerRunnerTest {

    @Override
    boolean batched() {
        return true;
    }

    @Test
    void theEventsOfOnePollReachTheModelInOneCallInTheirOrder() {
        run(Subscription.to(DrillEvents.DRILLS));
        StoredEvent a0 = store("d1", 0, new DrillScheduled("d1", "消防演练", "m1"));
        StoredEvent b0 = store("d2", 0, new DrillScheduled("d2", "应急演练", "m2"));
        StoredEvent a1 = store("d1", 1, new DrillHeld("d1", "m1"));
        StoredEvent a2 = store("d1", 2, new DrillCancelled("d1"));
        kafka.schedulePollTask(() -> deliver(a0, b0, a1, a1, a2)); // one poll, with a duplicate in it

        Eventually.that(() -> assertThat(position("d1")).isEqualTo(2));
        assertThat(position("d2")).isZero();
        assertThat(batchSizes).containsExactly(4);
        assertThat(handled).extracting(e -> e.aggregateId() + ":" + e.sequence()).containsExactly("d1:0", "d2:0", "d1:1", "d1:2");
    }

    @Test
    void aBatchThatFailsIsAppliedOneEventAtATimeAndOnlyTheFailingAggregateStops() {
        poisoned = true; // d1's sequence 1 cannot be applied
        run(Subscription.to(DrillEvents.DRILLS));
        StoredEvent a0 = store("d1", 0, new DrillScheduled("d1", "消防演练", "m1"));
        StoredEvent a1 = store("d1", 1, new DrillHeld("d1", "m1"));
        StoredEvent b0 = store("d2", 0, new DrillScheduled("d2", "应急演练", "m2"));
        StoredEvent b1 = store("d2", 1, new DrillHeld("d2", "m2"));
        kafka.schedulePollTask(() -> deliver(a0, a1, b0, b1));

        Eventually.that(() -> assertThat(position("d2")).isEqualTo(1));
        Eventually.that(() -> assertThat(runner.parkedCount()).isEqualTo(1));
        assertThat(position("d1")).isZero();
        assertThat(runner.parked()).singleElement().satisfies(p -> assertThat(p.sequence()).isEqualTo(1));
        assertThat(handled).filteredOn(e -> e.aggregateId().equals("d1")).extracting(e -> e.sequence())
                .as("applied in the batch that failed, then once more alone: a model's writes are safe to repeat").containsExactly(0L, 0L);
        assertThat(handledOf("d2")).containsExactly(0L, 1L);
    }
}
