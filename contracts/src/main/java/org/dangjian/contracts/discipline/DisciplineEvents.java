package org.dangjian.contracts.discipline;

import java.util.List;

/**
 * What the discipline supervision service (纪检监督) publishes, and where. On its topic, for other services and
 * departments: the effect of a sanction, never the case file (the members service vetoes a cadre's political assessment,
 * 一票否决, from it). On its restricted topic, for itself and the audit service only: the case content (inspections,
 * talks and inquiries, cases, cadre selection supervision, and who read which record), each a stream of its own.
 */
public final class DisciplineEvents {

    /** The service's name, from which its topic and source follow ({@link org.dangjian.contracts.EventTypes}). */
    public static final String SERVICE = "discipline";

    /** The Kafka topic: every published event of the service, keyed by the sanction's id, kept forever. */
    public static final String TOPIC = "dangjian." + SERVICE + ".events";

    /** The restricted Kafka topic: the case content, for the discipline service and auditors only, kept forever. */
    public static final String RESTRICTED_TOPIC = "dangjian." + SERVICE + ".restricted";

    /** The CloudEvents {@code source} of the service's events. */
    public static final String SOURCE = "/dangjian/" + SERVICE;

    /** What the service publishes, in prose: the AsyncAPI document's description of the service. */
    public static final String DESCRIPTION = """
            The discipline supervision service (纪检监督) publishes on its open topic the effect of a sanction, never the case:
            who, which sanction, from when, until when (a stream per sanction, aggregate type SanctionEffect, its id the name-based
            UUID of sanction|<caseId>); the members service notes it and vetoes the member's cadre political assessment
            (一票否决). The case content (inspections 明察暗访, talks and inquiries 谈话函询, cases 问责/党纪处分, cadre selection
            supervision 选人用人监督, and the access log of who read which record; aggregate types Inspection, Talk,
            DisciplinaryCase, SelectionSupervision, AccessLog) is on the restricted topic dangjian.discipline.restricted, for the
            discipline service and the audit service only. Each record is a stream of its own wholly on one topic, so every hash
            chain verifies from its topic alone.
            """;

    /** Every event type the service publishes. */
    public static final List<Class<? extends Record>> ALL = List.of(
            SanctionTookEffect.class,
            SanctionEnded.class,
            InspectionPlanned.class,
            InspectionCarriedOut.class,
            FindingRecorded.class,
            RectificationRequired.class,
            RectificationReported.class,
            RectificationVerified.class,
            InspectionClosed.class,
            TalkHeld.class,
            InquiryIssued.class,
            InquiryAnswered.class,
            TalkConcluded.class,
            CaseOpened.class,
            MeasureProposed.class,
            CaseDecided.class,
            CaseSanctionEnded.class,
            SelectionSupervisionOpened.class,
            SelectionStageChecked.class,
            SelectionSupervisionConcluded.class,
            RecordRead.class);

    private DisciplineEvents() {
    }
}
