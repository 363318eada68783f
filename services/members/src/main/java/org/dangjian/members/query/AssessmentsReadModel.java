package org.dangjian.members.query;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.dangjian.contracts.members.MemberAssessmentConcluded;
import org.dangjian.contracts.members.MemberAssessmentCorrected;
import org.dangjian.contracts.members.MemberAssessmentOpened;
import org.dangjian.contracts.members.MemberAssessmentScored;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.readmodel.ReadModel;
import org.dangjian.runtime.readmodel.VersionedDocuments;
import org.springframework.stereotype.Component;

/**
 * The assessments (考核): a document per assessment ({@code assessments}, by its id, written by its own events only):
 * member, branch, type, period, criteria version, scores and total, result, vote, and each correction by the event's
 * sequence ({@code corrections.<sequence>}).
 */
@Component
public class AssessmentsReadModel implements ReadModel {

    public static final String NAME = "assessments";
    static final String ASSESSMENTS = "assessments";

    private final VersionedDocuments assessments;

    public AssessmentsReadModel(MongoDatabase serviceDatabase) {
        this.assessments = new VersionedDocuments(serviceDatabase, ASSESSMENTS);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subscription subscription() {
        return Subscription.to(MemberAssessmentOpened.class, MemberAssessmentScored.class, MemberAssessmentConcluded.class,
                MemberAssessmentCorrected.class);
    }

    @Override
    public List<String> collections() {
        return List.of(ASSESSMENTS);
    }

    @Override
    public void apply(PublishedEvent event) {
        applyAll(List.of(event));
    }

    @Override
    public void applyAll(List<PublishedEvent> events) {
        assessments.applyAll(events, event -> update(event.payload(), event.sequence()));
    }

    private static Bson update(Object payload, long sequence) {
        if (payload instanceof MemberAssessmentOpened opened) {
            return combine(set("memberId", opened.memberId()), set("branchId", opened.branchId()), set("type", opened.type().name()),
                    set("period", opened.period()), set("criteriaVersion", opened.criteriaVersion()), set("openedOn", opened.date().toString()),
                    set("state", "OPEN"));
        }
        if (payload instanceof MemberAssessmentScored scored) {
            return combine(set("scores", new Document(scored.scores())), set("total", scored.total()));
        }
        if (payload instanceof MemberAssessmentConcluded concluded) {
            return combine(set("state", "CONCLUDED"), set("result", concluded.result()), set("concludedOn", concluded.date().toString()),
                    set("votes", concluded.votes() == null ? null : new Document(concluded.votes())), set("basis", concluded.basis()));
        }
        if (payload instanceof MemberAssessmentCorrected corrected) {
            return combine(set("result", corrected.result()), set("corrections." + sequence, new Document("previousResult", corrected.previousResult())
                    .append("result", corrected.result()).append("date", corrected.date().toString()).append("reason", corrected.reason())));
        }
        return null;
    }

    @Override
    public void reset() {
        assessments.drop();
    }
}
