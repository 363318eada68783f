package org.dangjian.members.query;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.time.LocalDate;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.dangjian.contracts.members.CadrePoliticalAssessmentConcluded;
import org.dangjian.contracts.members.CadrePoliticalAssessmentOpened;
import org.dangjian.contracts.members.CadrePoliticalAssessmentVetoed;
import org.dangjian.contracts.members.DecidingBody;
import org.dangjian.contracts.members.MemberAdmittedAsProbationary;
import org.dangjian.contracts.members.MemberConfirmedAsFullMember;
import org.dangjian.contracts.members.MemberDesignatedActivist;
import org.dangjian.contracts.members.MemberDesignatedDevelopmentObject;
import org.dangjian.contracts.members.MemberPoliticalReviewConcluded;
import org.dangjian.contracts.members.MemberProbationCancelled;
import org.dangjian.contracts.members.MemberProbationExtended;
import org.dangjian.contracts.members.MemberCareRecorded;
import org.dangjian.contracts.members.MemberDuesBaseSet;
import org.dangjian.contracts.members.MemberTrainingRecorded;
import org.dangjian.contracts.members.PartyAffairsCadreQualified;
import org.dangjian.contracts.members.MemberDuesPaid;
import org.dangjian.contracts.members.MemberPointsRecorded;
import org.dangjian.contracts.members.MemberAccountLinked;
import org.dangjian.contracts.members.MemberAccountUnlinked;
import org.dangjian.contracts.members.MemberSanctionRecorded;
import org.dangjian.contracts.members.MemberTransferCancelled;
import org.dangjian.contracts.members.MemberTransferConfirmed;
import org.dangjian.contracts.members.MemberTransferInitiated;
import org.dangjian.contracts.members.MemberTransferReceived;
import org.dangjian.contracts.members.MembersEvents;
import org.dangjian.contracts.members.MembershipApplicationReceived;
import org.dangjian.contracts.members.PoliticalReviewConclusion;
import org.dangjian.members.command.MemberStage;
import org.dangjian.members.command.MemberStep;
import org.dangjian.members.command.MembershipRules;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.readmodel.ReadModel;
import org.dangjian.runtime.readmodel.VersionedDocuments;
import org.springframework.stereotype.Component;

/**
 * The members (党员档案): a document per member ({@code members}, by member id, written only by that member's events,
 * each write a compare-and-set on its sequence, see {@link VersionedDocuments}): the person, the branch, the stage and
 * since when, each step's dates, deciding body and basis ({@code steps.<STEP>}; the last political review), and the
 * next step with the earliest day the rules allow it ({@code nextStep}, {@code nextStepDueOn}: the activist period
 * from the configured {@link MembershipRules}, the probation's end from the events). Dates are stored as ISO days, so
 * they sort as text. Transfers (组织关系转接) are kept per number ({@code transfers.<n>}) with the open one, if any, also
 * as {@code openTransfer}: while it is open both branches' secretaries read the member. The personal data (ID-card number, phone, address) is stored as the application gave it; the web
 * layer masks it per caller.
 */
@Component
public class MembersReadModel implements ReadModel {

    public static final String NAME = "members";
    static final String MEMBERS = "members";

    private final VersionedDocuments members;
    private final MembershipRules rules;

    public MembersReadModel(MongoDatabase serviceDatabase, MembershipRules rules) {
        this.members = new VersionedDocuments(serviceDatabase, MEMBERS);
        this.rules = rules;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subscription subscription() {
        return Subscription.to(MembersEvents.ALL);
    }

    @Override
    public List<String> collections() {
        return List.of(MEMBERS);
    }

    @Override
    public void apply(PublishedEvent event) {
        applyAll(List.of(event));
    }

    /** The events' writes as one batch. */
    @Override
    public void applyAll(List<PublishedEvent> events) {
        members.applyAll(events, event -> update(event.payload()));
    }

    private Bson update(Object payload) {
        if (payload instanceof MembershipApplicationReceived applied) {
            return combine(set("name", applied.name()), set("gender", applied.gender().name()), set("birthDate", day(applied.birthDate())),
                    set("idCardNumber", applied.idCardNumber()), set("phone", applied.phone()), set("address", applied.address()),
                    set("branchId", applied.branchId()), set("username", applied.username()),
                    set("applicationDate", day(applied.applicationDate())), set("probationEndsOn", null), set("probationExtended", false),
                    stage(MemberStage.APPLICANT, applied.applicationDate()),
                    next(MemberStep.ACTIVIST, applied.applicationDate()),
                    step(MemberStep.APPLICATION, step(applied.applicationDate(), null, applied.basis())));
        }
        if (payload instanceof MemberDesignatedActivist activist) {
            return combine(stage(MemberStage.ACTIVIST, activist.date()),
                    next(MemberStep.DEVELOPMENT_OBJECT, rules.developmentObjectFrom(activist.date())),
                    step(MemberStep.ACTIVIST, step(activist.date(), activist.decidingBody(), activist.basis())));
        }
        if (payload instanceof MemberDesignatedDevelopmentObject designated) {
            return combine(stage(MemberStage.DEVELOPMENT_OBJECT, designated.date()),
                    next(MemberStep.POLITICAL_REVIEW, designated.date()),
                    step(MemberStep.DEVELOPMENT_OBJECT, step(designated.date(), designated.decidingBody(), designated.basis())));
        }
        if (payload instanceof MemberPoliticalReviewConcluded review) {
            Bson recorded = step(MemberStep.POLITICAL_REVIEW, step(review.date(), review.decidingBody(), review.basis())
                    .append("conclusion", review.conclusion().name()));
            return review.conclusion() == PoliticalReviewConclusion.PASSED
                    ? combine(stage(MemberStage.POLITICALLY_REVIEWED, review.date()), next(MemberStep.ADMISSION, review.date()), recorded)
                    : combine(next(MemberStep.POLITICAL_REVIEW, review.date()), recorded);
        }
        if (payload instanceof MemberAdmittedAsProbationary admitted) {
            return combine(stage(MemberStage.PROBATIONARY, admitted.committeeApprovalDate()),
                    set("probationEndsOn", day(admitted.probationEndsOn())),
                    next(MemberStep.FULL_MEMBERSHIP, admitted.probationEndsOn()),
                    step(MemberStep.ADMISSION, step(admitted.committeeApprovalDate(), DecidingBody.BRANCH_GENERAL_MEETING, admitted.basis())
                            .append("branchMeetingDate", day(admitted.branchMeetingDate()))
                            .append("committeeApprovalDate", day(admitted.committeeApprovalDate()))
                            .append("probationEndsOn", day(admitted.probationEndsOn()))));
        }
        if (payload instanceof MemberConfirmedAsFullMember confirmed) {
            return combine(stage(MemberStage.FULL_MEMBER, confirmed.committeeApprovalDate()), next(null, null),
                    step(MemberStep.FULL_MEMBERSHIP, step(confirmed.committeeApprovalDate(), DecidingBody.BRANCH_GENERAL_MEETING, confirmed.basis())
                            .append("branchMeetingDate", day(confirmed.branchMeetingDate()))
                            .append("committeeApprovalDate", day(confirmed.committeeApprovalDate()))));
        }
        if (payload instanceof MemberProbationExtended extended) {
            return combine(set("probationEndsOn", day(extended.probationEndsOn())), set("probationExtended", true),
                    next(MemberStep.FULL_MEMBERSHIP, extended.probationEndsOn()),
                    step(MemberStep.PROBATION_EXTENSION, step(extended.date(), extended.decidingBody(), extended.basis())
                            .append("months", extended.months()).append("probationEndsOn", day(extended.probationEndsOn()))));
        }
        if (payload instanceof MemberAccountLinked linked) {
            return set("username", linked.username());
        }
        if (payload instanceof MemberAccountUnlinked) {
            return set("username", null);
        }
        if (payload instanceof MemberCareRecorded care) {
            return set("care." + care.care(), new Document("care", care.care()).append("kind", care.kind().name())
                    .append("reason", care.reason().name()).append("date", day(care.date())).append("visitors", care.visitors())
                    .append("amount", care.amount() == null ? null : care.amount().toPlainString()).append("notes", care.notes()));
        }
        if (payload instanceof MemberTrainingRecorded training) {
            return set("trainings." + training.training(), new Document("training", training.training()).append("course", training.course())
                    .append("organiser", training.organiser()).append("endedOn", day(training.endedOn()))
                    .append("hours", training.hours().toPlainString()));
        }
        if (payload instanceof PartyAffairsCadreQualified qualified) {
            return set("qualification", new Document("date", day(qualified.date())).append("validUntil", day(qualified.validUntil()))
                    .append("trainingHours", qualified.trainingHours().toPlainString()).append("basis", qualified.basis()));
        }
        if (payload instanceof MemberDuesBaseSet base) {
            // amounts as decimal text: exact on every MongoDB (and mongo-java-server), compared as numbers when read
            return set("dues.bases." + base.fromMonth(), new Document("base", base.base().toPlainString())
                    .append("rate", base.rate().toPlainString()).append("monthlyDues", base.monthlyDues().toPlainString()));
        }
        if (payload instanceof MemberDuesPaid paid) {
            return set("dues.paid." + paid.month(), new Document("amount", paid.amount().toPlainString()).append("paidOn", day(paid.paidOn()))
                    .append("receipt", paid.receipt()));
        }
        if (payload instanceof MemberSanctionRecorded sanction) {
            String at = "sanctions." + sanction.sanctionId();
            return combine(set(at + ".sanction", sanction.sanction().name()), set(at + ".effectiveFrom", day(sanction.effectiveFrom())),
                    set(at + ".endedOn", day(sanction.endedOn())), set(at + (sanction.endedOn() == null ? ".causingEventId" : ".endingEventId"),
                            sanction.causingEventId()));
        }
        if (payload instanceof CadrePoliticalAssessmentOpened opened) {
            return set("cadreAssessments." + opened.assessment(), new Document("assessment", opened.assessment()).append("year", opened.year())
                    .append("state", "OPEN").append("openedOn", day(opened.date())).append("basis", opened.basis()));
        }
        if (payload instanceof CadrePoliticalAssessmentConcluded concluded) {
            String at = "cadreAssessments." + concluded.assessment();
            return combine(set(at + ".state", "CONCLUDED"), set(at + ".result", concluded.result().name()),
                    set(at + ".concludedOn", day(concluded.date())), set(at + ".conclusionBasis", concluded.basis()));
        }
        if (payload instanceof CadrePoliticalAssessmentVetoed vetoed) {
            String at = "cadreAssessments." + vetoed.assessment();
            return combine(set(at + ".state", "VETOED"), set(at + ".veto", new Document("sanctionId", vetoed.sanctionId())
                    .append("sanction", vetoed.sanction().name()).append("causingEventId", vetoed.causingEventId()).append("date", day(vetoed.date()))));
        }
        if (payload instanceof MemberPointsRecorded recorded) {
            // once per event: the document's compare-and-set on the sequence makes a repeat change nothing
            return com.mongodb.client.model.Updates.inc("points." + recorded.year(), recorded.points());
        }
        if (payload instanceof MemberTransferInitiated initiated) {
            Document transfer = new Document("transfer", initiated.transfer()).append("fromBranchId", initiated.fromBranchId())
                    .append("toBranchId", initiated.toBranchId()).append("toOrganisation", initiated.toOrganisation())
                    .append("state", "IN_TRANSIT").append("initiatedOn", day(initiated.date())).append("basis", initiated.basis());
            return combine(set("transfers." + initiated.transfer(), transfer), set("openTransfer", transfer));
        }
        if (payload instanceof MemberTransferReceived received) {
            String at = "transfers." + received.transfer();
            return combine(set("branchId", received.toBranchId()), set(at + ".state", "RECEIVED"), set(at + ".receivedOn", day(received.date())),
                    set(at + ".receiptBasis", received.basis()), set("openTransfer.state", "RECEIVED"),
                    set("openTransfer.receivedOn", day(received.date())), set("openTransfer.receiptBasis", received.basis()));
        }
        if (payload instanceof MemberTransferConfirmed confirmed) {
            String at = "transfers." + confirmed.transfer();
            Bson closed = combine(set(at + ".state", "CONFIRMED"), set(at + ".confirmedOn", day(confirmed.date())), set("openTransfer", null));
            if (confirmed.basis() != null) {
                closed = combine(closed, set(at + ".receiptBasis", confirmed.basis()));
            }
            return confirmed.toOrganisation() == null ? closed
                    : combine(closed, set("branchId", null), set("leftPlatform", true), next(null, null));
        }
        if (payload instanceof MemberTransferCancelled cancelled) {
            String at = "transfers." + cancelled.transfer();
            return combine(set(at + ".state", cancelled.cancellation().name()), set(at + ".cancelledOn", day(cancelled.date())),
                    set(at + ".reason", cancelled.reason()), set("openTransfer", null));
        }
        if (payload instanceof MemberProbationCancelled cancelled) {
            return combine(stage(MemberStage.PROBATION_CANCELLED, cancelled.date()), next(null, null),
                    step(MemberStep.PROBATION_CANCELLATION, step(cancelled.date(), cancelled.decidingBody(), cancelled.basis())));
        }
        return null;
    }

    private static Bson stage(MemberStage stage, LocalDate since) {
        return combine(set("stage", stage.name()), set("stageSince", day(since)));
    }

    private static Bson next(MemberStep step, LocalDate dueOn) {
        return combine(set("nextStep", step == null ? null : step.name()), set("nextStepDueOn", day(dueOn)));
    }

    private static Bson step(MemberStep step, Document recorded) {
        return set("steps." + step.name(), recorded);
    }

    private static Document step(LocalDate date, DecidingBody body, String basis) {
        return new Document("date", day(date)).append("decidingBody", body == null ? null : body.name()).append("basis", basis);
    }

    static String day(LocalDate date) {
        return date == null ? null : date.toString();
    }

    @Override
    public void reset() {
        members.drop(); // and its index again
    }
}
