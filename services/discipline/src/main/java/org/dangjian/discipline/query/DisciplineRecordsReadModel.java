package org.dangjian.discipline.query;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.max;
import static com.mongodb.client.model.Updates.set;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.dangjian.contracts.discipline.CaseDecided;
import org.dangjian.contracts.discipline.CaseOpened;
import org.dangjian.contracts.discipline.CaseSanctionEnded;
import org.dangjian.contracts.discipline.FindingRecorded;
import org.dangjian.contracts.discipline.InquiryAnswered;
import org.dangjian.contracts.discipline.InquiryIssued;
import org.dangjian.contracts.discipline.InspectionCarriedOut;
import org.dangjian.contracts.discipline.InspectionClosed;
import org.dangjian.contracts.discipline.InspectionPlanned;
import org.dangjian.contracts.discipline.MeasureProposed;
import org.dangjian.contracts.discipline.RecordKind;
import org.dangjian.contracts.discipline.RectificationReported;
import org.dangjian.contracts.discipline.RectificationRequired;
import org.dangjian.contracts.discipline.RectificationVerified;
import org.dangjian.contracts.discipline.SelectionStageChecked;
import org.dangjian.contracts.discipline.SelectionSupervisionConcluded;
import org.dangjian.contracts.discipline.SelectionSupervisionOpened;
import org.dangjian.contracts.discipline.TalkConcluded;
import org.dangjian.contracts.discipline.TalkHeld;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.readmodel.ReadModel;
import org.dangjian.runtime.readmodel.VersionedDocuments;
import org.springframework.stereotype.Component;

/**
 * The discipline records as they stand (read from the restricted topic): a document per record ({@code
 * discipline_records}, by record id, written only by that record's events, compare-and-set on the sequence) with its
 * {@code kind} ({@code INSPECTION}, {@code TALK}, {@code CASE}, {@code SELECTION_SUPERVISION}), its {@code state}, its
 * {@code date} (planned, held, issued, opened: the lists' order) and its facts; the steps that repeat are a field per
 * event ({@code findings.<n>}, {@code rounds.<sequence>}, {@code proposals.<sequence>}, {@code checks.<sequence>}), so a
 * repeat changes nothing and the order of the fields is the stream's.
 */
@Component
public class DisciplineRecordsReadModel implements ReadModel {

    public static final String NAME = "discipline-records";
    static final String RECORDS = "discipline_records";

    private final VersionedDocuments records;
    private final MongoCollection<Document> collection;

    public DisciplineRecordsReadModel(MongoDatabase serviceDatabase) {
        this.records = new VersionedDocuments(serviceDatabase, RECORDS);
        this.collection = serviceDatabase.getCollection(RECORDS);
        indexes();
    }

    private void indexes() {
        collection.createIndex(Indexes.ascending("kind", "date"));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subscription subscription() {
        return Subscription.to(InspectionPlanned.class, InspectionCarriedOut.class, FindingRecorded.class, RectificationRequired.class,
                RectificationReported.class, RectificationVerified.class, InspectionClosed.class, TalkHeld.class, InquiryIssued.class,
                InquiryAnswered.class, TalkConcluded.class, CaseOpened.class, MeasureProposed.class, CaseDecided.class, CaseSanctionEnded.class,
                SelectionSupervisionOpened.class, SelectionStageChecked.class, SelectionSupervisionConcluded.class);
    }

    @Override
    public List<String> collections() {
        return List.of(RECORDS);
    }

    @Override
    public void apply(PublishedEvent event) {
        applyAll(List.of(event));
    }

    @Override
    public void applyAll(List<PublishedEvent> events) {
        records.applyAll(events, DisciplineRecordsReadModel::update);
    }

    private static Bson update(PublishedEvent event) {
        Object payload = event.payload();
        Date at = Date.from(event.occurredAt());
        if (payload instanceof InspectionPlanned e) {
            return combine(set("kind", RecordKind.INSPECTION.name()), set("state", "PLANNED"), set("date", e.plannedDate().toString()),
                    set("target", e.target().name()), set("targetName", e.targetName()), set("branchId", e.branchId()), set("mode", e.mode().name()),
                    set("plannedDate", e.plannedDate().toString()), set("inspectors", e.inspectors()), set("focus", e.focus()),
                    set("findingCount", 0), set("createdAt", at));
        }
        if (payload instanceof InspectionCarriedOut e) {
            return combine(set("state", "CARRIED_OUT"), set("carriedOutOn", e.date().toString()), set("summary", e.summary()));
        }
        if (payload instanceof FindingRecorded e) {
            return combine(set("findings." + e.findingNo(), new Document("no", e.findingNo()).append("description", e.description())
                    .append("severity", e.severity().name()).append("evidence", e.evidence())), max("findingCount", e.findingNo()));
        }
        if (payload instanceof RectificationRequired e) {
            return combine(set("state", "RECTIFICATION_REQUIRED"), set("rectification", new Document("requirement", e.requirement())
                    .append("deadline", e.deadline().toString()).append("responsible", e.responsible())), set("deadline", e.deadline().toString()));
        }
        if (payload instanceof RectificationReported e) {
            return combine(set("state", "RECTIFICATION_REPORTED"), set("rounds." + event.sequence(), new Document("step", "REPORTED")
                    .append("date", e.date().toString()).append("text", e.report()).append("evidence", e.evidence())));
        }
        if (payload instanceof RectificationVerified e) {
            return combine(set("state", e.accepted() ? "RECTIFIED" : "RECTIFICATION_REQUIRED"), set("rounds." + event.sequence(),
                    new Document("step", e.accepted() ? "ACCEPTED" : "SENT_BACK").append("date", e.date().toString()).append("text", e.opinion())),
                    e.accepted() ? set("rectifiedOn", e.date().toString()) : set("rectifiedOn", null));
        }
        if (payload instanceof InspectionClosed e) {
            return combine(set("state", "CLOSED"), set("closedOn", e.date().toString()), set("conclusion", e.conclusion()));
        }
        if (payload instanceof TalkHeld e) {
            return combine(set("kind", RecordKind.TALK.name()), set("state", "HELD"), set("date", e.date().toString()),
                    set("talkKind", e.kind().name()), set("memberId", e.memberId()), set("talkers", e.talkers()), set("content", e.content()),
                    set("basis", e.basis()), set("createdAt", at));
        }
        if (payload instanceof InquiryIssued e) {
            return combine(set("kind", RecordKind.TALK.name()), set("state", "ISSUED"), set("date", e.date().toString()),
                    set("talkKind", "WRITTEN_INQUIRY"), set("memberId", e.memberId()), set("questions", e.questions()),
                    set("dueDate", e.dueDate().toString()), set("basis", e.basis()), set("createdAt", at));
        }
        if (payload instanceof InquiryAnswered e) {
            return combine(set("state", "ANSWERED"), set("answeredOn", e.date().toString()), set("answer", e.answer()));
        }
        if (payload instanceof TalkConcluded e) {
            return combine(set("state", "CONCLUDED"), set("concludedOn", e.date().toString()), set("outcome", e.outcome()));
        }
        if (payload instanceof CaseOpened e) {
            return combine(set("kind", RecordKind.CASE.name()), set("state", "OPEN"), set("date", e.date().toString()),
                    set("caseType", e.type().name()), set("memberId", e.memberId()), set("matter", e.matter()), set("basis", e.basis()),
                    set("createdAt", at));
        }
        if (payload instanceof MeasureProposed e) {
            return combine(set("state", "PROPOSED"), set("proposals." + event.sequence(), new Document("sanction", name(e.sanction()))
                    .append("measure", name(e.measure())).append("reasons", e.reasons()).append("date", e.date().toString())));
        }
        if (payload instanceof CaseDecided e) {
            return combine(set("state", e.sanction() != null ? "IN_EFFECT" : "DECIDED"), set("decision", new Document("sanction", name(e.sanction()))
                    .append("measure", name(e.measure())).append("basis", e.basis()).append("date", e.date().toString())
                    .append("effectiveFrom", e.effectiveFrom().toString())
                    .append("effectiveUntil", e.effectiveUntil() == null ? null : e.effectiveUntil().toString())), set("sanctionId", e.sanctionId()));
        }
        if (payload instanceof CaseSanctionEnded e) {
            return combine(set("state", "ENDED"), set("endedOn", e.endedOn().toString()), set("endReason", e.reason()));
        }
        if (payload instanceof SelectionSupervisionOpened e) {
            return combine(set("kind", RecordKind.SELECTION_SUPERVISION.name()), set("state", "OPEN"), set("date", e.date().toString()),
                    set("position", e.position()), set("unitName", e.unitName()), set("description", e.description()), set("createdAt", at));
        }
        if (payload instanceof SelectionStageChecked e) {
            return set("checks." + event.sequence(), new Document("stage", e.stage().name()).append("date", e.date().toString())
                    .append("compliant", e.compliant()).append("note", e.note()));
        }
        if (payload instanceof SelectionSupervisionConcluded e) {
            return combine(set("state", "CONCLUDED"), set("concludedOn", e.date().toString()), set("compliant", e.compliant()),
                    set("opinion", e.opinion()));
        }
        return null;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** A record's document, if the service knows it. */
    public Optional<Document> record(String id) {
        return records.find(id).filter(doc -> doc.getString("kind") != null);
    }

    /** The records of a kind, every one (the lists filter and page them in memory). */
    public List<Document> ofKind(RecordKind kind) {
        return collection.find(Filters.eq("kind", kind.name())).into(new ArrayList<>());
    }

    @Override
    public void reset() {
        records.drop();
        indexes();
    }
}
