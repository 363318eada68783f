package org.dangjian.audit.query;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.dangjian.contracts.audit.CheckpointSigned;
import org.dangjian.contracts.audit.IntegrityFinding;
import org.dangjian.contracts.audit.ReplayFinished;
import org.dangjian.contracts.audit.ReplayStarted;
import org.dangjian.contracts.audit.VerificationCompleted;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.readmodel.ReadModel;
import org.springframework.stereotype.Component;

/**
 * The audit service's own records, from its own topic: checkpoints by number, verifications with their findings, and
 * replays with their result. Each document is written whole by one event, so a repeat changes nothing.
 */
@Component
public class AuditRecordsReadModel implements ReadModel {

    public static final String NAME = "audit-records";
    static final String CHECKPOINTS = "audit_checkpoints";
    static final String VERIFICATIONS = "audit_verifications";
    static final String REPLAYS = "audit_replays";

    private final MongoCollection<Document> checkpoints;
    private final MongoCollection<Document> verifications;
    private final MongoCollection<Document> replays;

    public AuditRecordsReadModel(MongoDatabase serviceDatabase) {
        this.checkpoints = serviceDatabase.getCollection(CHECKPOINTS);
        this.verifications = serviceDatabase.getCollection(VERIFICATIONS);
        this.replays = serviceDatabase.getCollection(REPLAYS);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subscription subscription() {
        return Subscription.to(CheckpointSigned.class, VerificationCompleted.class, ReplayStarted.class, ReplayFinished.class);
    }

    @Override
    public void apply(PublishedEvent event) {
        Object payload = event.payload();
        if (payload instanceof CheckpointSigned signed) {
            checkpoints.replaceOne(eq("_id", signed.number()), new Document("_id", signed.number())
                    .append("number", signed.number()).append("issuedAt", Date.from(signed.issuedAt())).append("streams", signed.streams())
                    .append("events", signed.events()).append("root", signed.root()).append("previous", signed.previous())
                    .append("statement", signed.statement()).append("signature", signed.signature()).append("keyId", signed.keyId())
                    .append("eventId", event.eventId()).append("signedBy", event.actor().id()).append("recordedAt", Date.from(event.recordedAt())),
                    new ReplaceOptions().upsert(true));
        } else if (payload instanceof VerificationCompleted done) {
                List<Document> findings = new ArrayList<>();
                for (IntegrityFinding finding : done.findings()) {
                    findings.add(new Document("kind", finding.kind()).append("service", finding.service())
                            .append("aggregateId", finding.aggregateId()).append("sequence", finding.sequence()).append("detail", finding.detail()));
                }
                verifications.replaceOne(eq("_id", done.verificationId()), new Document("_id", done.verificationId())
                        .append("service", done.service()).append("aggregateId", done.aggregateId()).append("startedAt", Date.from(done.startedAt()))
                        .append("completedAt", Date.from(event.recordedAt())).append("streamsChecked", done.streamsChecked())
                        .append("eventsChecked", done.eventsChecked()).append("storesCompared", done.storesCompared())
                        .append("storesUnreachable", done.storesUnreachable()).append("checkpointNumber", done.checkpointNumber())
                        .append("findings", findings).append("intact", findings.isEmpty()).append("by", event.actor().id())
                        .append("role", event.actor().role()), new ReplaceOptions().upsert(true));
        } else if (payload instanceof ReplayStarted started) {
            replays.updateOne(eq("_id", started.replayId()), Updates.combine(
                    Updates.set("service", started.service()), Updates.set("aggregateId", started.aggregateId()),
                    Updates.set("eventsTotal", started.eventsTotal()), Updates.set("startedAt", Date.from(event.recordedAt())),
                    Updates.set("by", event.actor().id())), new UpdateOptions().upsert(true));
        } else if (payload instanceof ReplayFinished finished) {
            replays.updateOne(eq("_id", finished.replayId()), Updates.combine(
                    Updates.set("finishedAt", Date.from(event.recordedAt())), Updates.set("eventsReplayed", finished.eventsReplayed()),
                    Updates.set("millis", finished.millis()), Updates.set("rawMillis", finished.rawMillis()), Updates.set("streamsCompared", finished.streamsCompared()),
                    Updates.set("identical", finished.identical()), Updates.set("differenceCount", finished.differenceCount()),
                    Updates.set("differences", finished.differences())), new UpdateOptions().upsert(true));
        }
    }

    @Override
    public List<String> collections() {
        return List.of(CHECKPOINTS, VERIFICATIONS, REPLAYS);
    }

    public Optional<Document> checkpoint(long number) {
        return Optional.ofNullable(checkpoints.find(eq("_id", number)).first());
    }

    public Optional<Document> latestCheckpoint() {
        return Optional.ofNullable(checkpoints.find().sort(Sorts.descending("_id")).first());
    }

    public List<Document> checkpoints(int page, int size) {
        return checkpoints.find().sort(Sorts.descending("_id")).skip(page * size).limit(size).into(new ArrayList<>());
    }

    public long checkpointCount() {
        return checkpoints.countDocuments();
    }

    public Optional<Document> verification(String id) {
        return Optional.ofNullable(verifications.find(eq("_id", id)).first());
    }

    public List<Document> verifications(int page, int size) {
        return verifications.find().sort(Sorts.descending("startedAt")).skip(page * size).limit(size).into(new ArrayList<>());
    }

    public long verificationCount() {
        return verifications.countDocuments();
    }

    public Optional<Document> replay(String id) {
        return Optional.ofNullable(replays.find(eq("_id", id)).first());
    }

    public List<Document> replays(int page, int size) {
        return replays.find().sort(Sorts.descending("startedAt")).skip(page * size).limit(size).into(new ArrayList<>());
    }

    public long replayCount() {
        return replays.countDocuments();
    }
}
