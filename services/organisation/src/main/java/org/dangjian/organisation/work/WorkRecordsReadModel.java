package org.dangjian.organisation.work;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.dangjian.contracts.organisation.AssessmentCriteriaPublished;
import org.dangjian.contracts.organisation.BranchElectionApproved;
import org.dangjian.contracts.organisation.BranchElectionCalled;
import org.dangjian.contracts.organisation.BranchElectionHeld;
import org.dangjian.contracts.organisation.BranchTermRecorded;
import org.dangjian.contracts.organisation.ResponsibilityEntryAdded;
import org.dangjian.contracts.organisation.ResponsibilityListDrawn;
import org.dangjian.contracts.organisation.SecretaryReportConcluded;
import org.dangjian.contracts.organisation.SecretaryReportEvaluated;
import org.dangjian.contracts.organisation.SecretaryReportSubmitted;
import org.dangjian.contracts.organisation.UnitAssessmentConcluded;
import org.dangjian.contracts.organisation.UnitAssessmentCorrected;
import org.dangjian.contracts.organisation.UnitAssessmentOpened;
import org.dangjian.contracts.organisation.UnitAssessmentScored;
import org.dangjian.contracts.organisation.WorkPlanImported;
import org.dangjian.contracts.organisation.WorkTaskAssigned;
import org.dangjian.contracts.organisation.WorkTaskProgressReported;
import org.dangjian.contracts.organisation.WorkTaskReviewed;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.readmodel.ReadModel;
import org.dangjian.runtime.readmodel.VersionedDocuments;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records of the committee's year of work as they stand ({@code work_records}): a document per record, by its id,
 * written only by its own events (compare-and-set on the sequence), with its {@code kind} ({@link Kind}) and its facts
 * as the API answers them; the steps that repeat are a field per event ({@code reports.<sequence>}, {@code
 * corrections.<sequence>}, {@code evaluations.<sequence>}, {@code versions.<version>}, {@code entries.<no>}, {@code
 * scores.<area>}), so a repeat changes nothing and the order is the stream's.
 */
@Component
public class WorkRecordsReadModel implements ReadModel {

    public static final String NAME = "work-records";
    static final String RECORDS = "work_records";

    /** The kinds of record. */
    public enum Kind { TERM, CRITERIA, ASSESSMENT, PLAN, TASK, LIST, REPORT }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final VersionedDocuments records;
    private final MongoCollection<Document> collection;

    public WorkRecordsReadModel(MongoDatabase serviceDatabase) {
        this.records = new VersionedDocuments(serviceDatabase, RECORDS);
        this.collection = serviceDatabase.getCollection(RECORDS);
        indexes();
    }

    private void indexes() {
        collection.createIndex(Indexes.ascending("kind", "unitId"));
        collection.createIndex(Indexes.ascending("kind", "planId"));
        collection.createIndex(Indexes.ascending("kind", "listId"));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subscription subscription() {
        return Subscription.to(BranchTermRecorded.class, BranchElectionCalled.class, BranchElectionHeld.class, BranchElectionApproved.class,
                AssessmentCriteriaPublished.class, UnitAssessmentOpened.class, UnitAssessmentScored.class, UnitAssessmentCorrected.class,
                UnitAssessmentConcluded.class, WorkPlanImported.class, WorkTaskAssigned.class, WorkTaskProgressReported.class,
                WorkTaskReviewed.class, ResponsibilityListDrawn.class, ResponsibilityEntryAdded.class, SecretaryReportSubmitted.class,
                SecretaryReportEvaluated.class, SecretaryReportConcluded.class);
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
        records.applyAll(events, WorkRecordsReadModel::update);
    }

    /** A record (its event's fields as they are published) as a document, without the fields named. */
    @SuppressWarnings("unchecked")
    static Document fields(Object record, String... without) {
        Document doc = new Document((Map<String, Object>) JSON.convertValue(record, Map.class));
        for (String field : without) {
            doc.remove(field);
        }
        return doc;
    }

    private static Bson setAll(Document fields) {
        List<Bson> sets = new ArrayList<>();
        fields.forEach((key, value) -> sets.add(set(key, value)));
        return combine(sets);
    }

    private static Bson update(PublishedEvent event) {
        Object payload = event.payload();
        long sequence = event.sequence();
        String at = event.occurredAt().toString();
        if (payload instanceof BranchTermRecorded e) {
            return combine(set("kind", Kind.TERM.name()), set("state", "IN_OFFICE"), setAll(fields(e, "termId")));
        }
        if (payload instanceof BranchElectionCalled e) {
            return combine(set("kind", Kind.TERM.name()), set("state", "CALLED"), setAll(fields(e, "termId")));
        }
        if (payload instanceof BranchElectionHeld e) {
            return combine(set("state", "ELECTED"), setAll(fields(e, "termId", "unitId")));
        }
        if (payload instanceof BranchElectionApproved e) {
            return combine(set("state", "IN_OFFICE"), setAll(fields(e, "termId", "unitId")));
        }
        if (payload instanceof AssessmentCriteriaPublished e) {
            Document version = fields(e, "criteriaId", "code").append("publishedAt", at);
            return combine(set("kind", Kind.CRITERIA.name()), setAll(fields(e, "criteriaId")), set("publishedAt", at),
                    set("versions." + e.version(), version));
        }
        if (payload instanceof UnitAssessmentOpened e) {
            return combine(set("kind", Kind.ASSESSMENT.name()), set("state", "OPEN"), setAll(fields(e, "assessmentId")));
        }
        if (payload instanceof UnitAssessmentScored e) {
            return set("scores." + e.areaCode(), fields(e, "assessmentId", "areaCode", "maxScore").append("sequence", sequence));
        }
        if (payload instanceof UnitAssessmentCorrected e) {
            List<Bson> sets = new ArrayList<>(List.of(set("scores." + e.areaCode() + ".score", e.score()),
                    set("corrections." + sequence, fields(e, "assessmentId").append("sequence", sequence))));
            if (e.total() != null) {
                sets.add(set("total", e.total()));
                sets.add(set("grade", e.grade()));
            }
            return combine(sets);
        }
        if (payload instanceof UnitAssessmentConcluded e) {
            return combine(set("state", "CONCLUDED"), set("concludedOn", e.concludedOn().toString()), set("total", e.total()),
                    set("maxTotal", e.maxTotal()), set("grade", e.grade()), set("conclusion", e.conclusion()));
        }
        if (payload instanceof WorkPlanImported e) {
            return combine(set("kind", Kind.PLAN.name()), setAll(fields(e, "planId")));
        }
        if (payload instanceof WorkTaskAssigned e) {
            return combine(set("kind", Kind.TASK.name()), set("state", "ASSIGNED"), set("percent", 0), setAll(fields(e, "taskId")));
        }
        if (payload instanceof WorkTaskProgressReported e) {
            return combine(set("state", e.percent() == 100 ? "DONE" : "IN_PROGRESS"), set("percent", e.percent()),
                    set("reports." + sequence, fields(e, "taskId")));
        }
        if (payload instanceof WorkTaskReviewed e) {
            return combine(set("state", e.accepted() ? "ACCEPTED" : "RETURNED"), set("reviews." + sequence, fields(e, "taskId")));
        }
        if (payload instanceof ResponsibilityListDrawn e) {
            return combine(set("kind", Kind.LIST.name()), set("listKind", e.kind().name()), setAll(fields(e, "listId", "kind")));
        }
        if (payload instanceof ResponsibilityEntryAdded e) {
            return set("entries." + e.no(), fields(e, "listId"));
        }
        if (payload instanceof SecretaryReportSubmitted e) {
            return combine(set("kind", Kind.REPORT.name()), set("state", "SUBMITTED"), setAll(fields(e, "reportId")));
        }
        if (payload instanceof SecretaryReportEvaluated e) {
            return set("evaluations." + sequence, fields(e, "reportId"));
        }
        if (payload instanceof SecretaryReportConcluded e) {
            return combine(set("state", "CONCLUDED"), set("concludedOn", e.concludedOn().toString()), set("evaluationCount", e.evaluations()),
                    set("partyWorkRating", e.partyWorkRating().name()), set("businessWorkRating", e.businessWorkRating().name()),
                    set("conclusion", e.conclusion()));
        }
        return null;
    }

    /** A record of that kind, if the service knows it. */
    public Optional<Document> record(String id, Kind kind) {
        return records.find(id).filter(doc -> kind.name().equals(doc.getString("kind")));
    }

    /** Every record of a kind matching the filter (the lists filter further and page in memory: some hundreds a year). */
    public List<Document> ofKind(Kind kind, Bson filter) {
        return collection.find(filter == null ? Filters.eq("kind", kind.name()) : Filters.and(Filters.eq("kind", kind.name()), filter))
                .into(new ArrayList<>());
    }

    @Override
    public void reset() {
        records.drop();
        indexes();
    }
}
