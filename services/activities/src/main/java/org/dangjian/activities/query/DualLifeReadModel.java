package org.dangjian.activities.query;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.dangjian.contracts.activities.DualLifeAssigned;
import org.dangjian.contracts.activities.DualLifeEnded;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.readmodel.ReadModel;
import org.dangjian.runtime.readmodel.VersionedDocuments;
import org.springframework.stereotype.Component;

/**
 * Leading cadres' dual organisational life (双重组织生活): a document per record ({@code dual_lives}, by record id,
 * written only by its own events, compare-and-set on the sequence) with the member, the branch, whether it applies now
 * ({@code active}), the current or last period ({@code since}, {@code until}, {@code position}, {@code basis},
 * {@code endReason}) and every period by its first day ({@code periods.<yyyy-MM-dd>}), so that who took part in a
 * branch's organisational life on a past day is answered from the periods, not from today's state.
 */
@Component
public class DualLifeReadModel implements ReadModel {

    public static final String NAME = "dual-lives";
    static final String DUAL_LIVES = "dual_lives";

    private final VersionedDocuments records;
    private final MongoCollection<Document> collection;

    public DualLifeReadModel(MongoDatabase serviceDatabase) {
        this.records = new VersionedDocuments(serviceDatabase, DUAL_LIVES);
        this.collection = serviceDatabase.getCollection(DUAL_LIVES);
        indexes();
    }

    private void indexes() {
        collection.createIndex(Indexes.ascending("branchId"));
        collection.createIndex(Indexes.ascending("memberId"));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subscription subscription() {
        return Subscription.to(DualLifeAssigned.class, DualLifeEnded.class);
    }

    @Override
    public List<String> collections() {
        return List.of(DUAL_LIVES);
    }

    @Override
    public void apply(PublishedEvent event) {
        applyAll(List.of(event));
    }

    @Override
    public void applyAll(List<PublishedEvent> events) {
        VersionedDocuments.Batch writes = records.batch();
        for (PublishedEvent event : events) {
            Bson update = null;
            if (event.payload() instanceof DualLifeAssigned assigned) {
                String period = "periods." + assigned.since();
                update = combine(set("memberId", assigned.memberId()), set("branchId", assigned.branchId()), set("active", true),
                        set("since", assigned.since().toString()), set("until", null), set("position", assigned.position()),
                        set("basis", assigned.basis()), set("endReason", null), set("assignedAt", Date.from(event.occurredAt())),
                        set(period + ".since", assigned.since().toString()), set(period + ".position", assigned.position()),
                        set(period + ".basis", assigned.basis()));
            } else if (event.payload() instanceof DualLifeEnded ended) {
                String period = "periods." + ended.since();
                update = combine(set("active", false), set("until", ended.until().toString()), set("endReason", ended.reason()),
                        set("endedAt", Date.from(event.occurredAt())), set(period + ".until", ended.until().toString()),
                        set(period + ".reason", ended.reason()));
            }
            if (update != null) {
                writes.apply(event.aggregateId(), event.sequence(), update);
            }
        }
        writes.flush();
    }

    /** One period of a record: from {@code since} to {@code until} (null while it applies). */
    public record Period(String since, String until, String position, String basis, String reason) {

        boolean covers(LocalDate day) {
            String date = day.toString();
            return since.compareTo(date) <= 0 && (until == null || until.compareTo(date) >= 0);
        }
    }

    /** A record as stored. */
    public record Assignment(String id, String memberId, String branchId, boolean active, String since, String until, String position,
                             String basis, String endReason, List<Period> periods, long sequence) {

        /** Whether he took part in the branch's organisational life on that day. */
        public boolean covers(LocalDate day) {
            return periods.stream().anyMatch(period -> period.covers(day));
        }
    }

    public Optional<Assignment> assignment(String id) {
        return records.find(id).filter(doc -> doc.getString("memberId") != null).map(DualLifeReadModel::assignment);
    }

    /** The records of a branch, of a member, or all (both null); ordered by member and branch. */
    public List<Assignment> assignments(String branchId, String memberId) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.ne("memberId", null));
        if (branchId != null) {
            filters.add(eq("branchId", branchId));
        }
        if (memberId != null) {
            filters.add(eq("memberId", memberId));
        }
        List<Assignment> found = new ArrayList<>();
        for (Document doc : collection.find(Filters.and(filters))) {
            found.add(assignment(doc));
        }
        found.sort(Comparator.comparing(Assignment::memberId).thenComparing(Assignment::branchId));
        return found;
    }

    /** The cadres who took part in the branch's organisational life on that day. */
    public List<Assignment> onDay(String branchId, LocalDate day) {
        return assignments(branchId, null).stream().filter(assignment -> assignment.covers(day)).toList();
    }

    private static Assignment assignment(Document doc) {
        List<Period> periods = new ArrayList<>();
        Document byStart = doc.get("periods", Document.class);
        if (byStart != null) {
            for (Object value : byStart.values()) {
                Document period = (Document) value;
                periods.add(new Period(period.getString("since"), period.getString("until"), period.getString("position"),
                        period.getString("basis"), period.getString("reason")));
            }
        }
        periods.sort(Comparator.comparing(Period::since));
        Number sequence = doc.get(VersionedDocuments.SEQUENCE, Number.class);
        return new Assignment(doc.getString("_id"), doc.getString("memberId"), doc.getString("branchId"), Boolean.TRUE.equals(doc.getBoolean("active")),
                doc.getString("since"), doc.getString("until"), doc.getString("position"), doc.getString("basis"), doc.getString("endReason"),
                periods, sequence == null ? -1 : sequence.longValue());
    }

    @Override
    public void reset() {
        records.drop();
        indexes();
    }
}
