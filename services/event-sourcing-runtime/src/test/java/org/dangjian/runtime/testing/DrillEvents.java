package org.dangjian.runtime.testing;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * The published language of two stand-in services the runtime's tests run: "drills" (a drill is scheduled, held,
 * cancelled) and "tally" (points awarded for drills held). They follow the rules of {@code contracts}.
 */
public final class DrillEvents {

    private DrillEvents() {
    }

    @EventType(name = "org.dangjian.drills.DrillScheduled", version = 1)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DrillScheduled(String drillId, String title, String memberId) {
    }

    @EventType(name = "org.dangjian.drills.DrillHeld", version = 1)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DrillHeld(String drillId, String memberId) {
    }

    /** A newer version of DrillHeld, which a reader of v1 cannot read. */
    @EventType(name = "org.dangjian.drills.DrillHeld", version = 2)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DrillHeldV2(String drillId, String memberId, int minutes) {
    }

    @EventType(name = "org.dangjian.drills.DrillCancelled", version = 1)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DrillCancelled(String drillId) {
    }

    /** A drill's debrief: its findings are for the drills service and auditors only (restricted), on a stream of its own. */
    @EventType(name = "org.dangjian.drills.DebriefRecorded", version = 1, restricted = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DebriefRecorded(String debriefId, String drillId, String findings) {
    }

    @EventType(name = "org.dangjian.tally.PointsAwarded", version = 1)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PointsAwarded(String tallyId, int points, String drillId) {
    }

    /** What the drills service publishes. */
    public static final List<Class<? extends Record>> DRILLS = List.of(DrillScheduled.class, DrillHeld.class, DrillHeldV2.class,
            DrillCancelled.class, DebriefRecorded.class);

    /** What the tally service publishes. */
    public static final List<Class<? extends Record>> TALLY = List.of(PointsAwarded.class);
}
