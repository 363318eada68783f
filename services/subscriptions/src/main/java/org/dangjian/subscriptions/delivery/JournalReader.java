package org.dangjian.subscriptions.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.dangjian.subscriptions.query.UnitTreeReadModel;
import org.springframework.stereotype.Component;

/**
 * Reads the delivery journal in position order for one reader (a stream or a webhook): the entries after its cursor,
 * up to the first missing position. A position is missing while its entry is being written or when its write was lost
 * (a crash between taking the positions and writing them); the reader waits for it until the entry after it is {@code
 * gapWait} old, then passes it, so that nothing is delivered out of order and a lost position stops nobody for long.
 * For one grant ({@link #next(Grant, long)}) it likewise stops before an entry that names a unit not known yet, for up
 * to {@code unitWait} ({@link Grant#covers}).
 */
@Component
public class JournalReader {

    private final DeliveryJournal journal;
    private final UnitTreeReadModel tree;
    private final DeliverySettings settings;
    private final Clock clock;

    public JournalReader(DeliveryJournal journal, UnitTreeReadModel tree, DeliverySettings settings, Clock clock) {
        this.journal = journal;
        this.tree = tree;
        this.settings = settings;
        this.clock = clock;
    }

    /** A journal entry in a grant's line: to be delivered to it, or passed (the cursor moves past it either way). */
    public record Step(Document entry, boolean deliver) {

        public long position() {
            return entry.getLong("_id");
        }
    }

    /** The entries after {@code cursor} that may be decided for the grant now, in order: up to one it must wait at. */
    public List<Step> next(Grant grant, long cursor) {
        Instant unknownUnitsPassBefore = clock.instant().minus(settings.unitWait());
        List<Step> steps = new ArrayList<>();
        for (Document entry : next(cursor)) {
            Grant.Coverage coverage = grant.covers(entry, tree, unknownUnitsPassBefore);
            if (coverage == Grant.Coverage.WAIT) {
                break; // a unit it names is not known yet: the later entries wait behind it
            }
            steps.add(new Step(entry, coverage == Grant.Coverage.DELIVER));
        }
        return steps;
    }

    /** The entries after {@code cursor} that may be delivered now, in order (at most the batch size). */
    public List<Document> next(long cursor) {
        List<Document> entries = journal.after(cursor, settings.batch());
        List<Document> ready = new ArrayList<>();
        long expected = cursor + 1;
        Instant passAfter = clock.instant().minus(settings.gapWait());
        for (Document entry : entries) {
            long position = entry.getLong("_id");
            if (position != expected) {
                Date journaled = entry.getDate("journaledAt");
                if (journaled == null || journaled.toInstant().isAfter(passAfter)) {
                    break; // wait for the missing position a little longer
                }
            }
            ready.add(entry);
            expected = position + 1;
        }
        return ready;
    }
}
