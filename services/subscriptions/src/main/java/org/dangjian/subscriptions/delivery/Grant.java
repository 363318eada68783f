package org.dangjian.subscriptions.delivery;

import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.dangjian.contracts.PersonalData;
import org.dangjian.runtime.eventstore.CanonicalEvent;
import org.dangjian.subscriptions.command.Catalogue;
import org.dangjian.subscriptions.query.UnitTreeReadModel;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A subscription's grant as the delivery applies it: what a journal entry must be to reach the department, and what of
 * its data it receives. An entry is delivered when the subscription is granted now, the entry's position is at or after
 * the grant's start (and, without the history, the event was recorded at or after the grant), its type is granted, and
 * (for a subtree grant) one of the units it concerns stands in the subtree; its personal data not granted is left out
 * and named in {@code dangjianmasked}.
 */
public record Grant(String subscriptionId, String department, String channel, String webhookUrl, long fromPosition, Instant grantedAt,
                    boolean deliverHistory, Set<String> eventTypes, Set<PersonalData.Kind> personalData, String organisationUnitId) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The grant of a subscription document, if it is granted now. */
    public static Optional<Grant> of(Document subscription) {
        if (subscription == null || !"GRANTED".equals(subscription.getString("state"))) {
            return Optional.empty();
        }
        Document grant = subscription.get("grant", Document.class);
        Document requested = subscription.get("requested", Document.class);
        Set<PersonalData.Kind> kinds = EnumSet.noneOf(PersonalData.Kind.class);
        grant.getList("personalData", String.class, List.of()).forEach(kind -> kinds.add(PersonalData.Kind.valueOf(kind)));
        return Optional.of(new Grant(subscription.getString("_id"), subscription.getString("department"), subscription.getString("channel"),
                subscription.getString("webhookUrl"), grant.get("fromPosition", Number.class).longValue(),
                grant.getDate("grantedAt") == null ? Instant.EPOCH : grant.getDate("grantedAt").toInstant(), grant.getBoolean("deliverHistory", false),
                Set.copyOf(grant.getList("eventTypes", String.class)), kinds, requested == null ? null : requested.getString("organisationUnitId")));
    }

    /** Whether a journal entry reaches a subscription: now, not at all, or not yet decidable. */
    public enum Coverage {
        /** Deliver it. */
        DELIVER,
        /** Pass it by: not for this subscription. */
        PASS,
        /**
         * Stop before it for now: it names a unit the service has not read the establishment of yet, so a subtree
         * grant cannot tell whether it is within (it is passed once it was journaled {@code unit-wait} ago).
         */
        WAIT
    }

    /**
     * Whether the entry reaches this subscription. An entry that names a unit the organisation tree does not know yet is
     * {@link Coverage#WAIT} while it was journaled after {@code unknownUnitsPassBefore}; after that such a unit counts as
     * outside the subtree.
     */
    public Coverage covers(Document entry, UnitTreeReadModel tree, Instant unknownUnitsPassBefore) {
        if (entry.getLong("_id") < fromPosition || !eventTypes.contains(entry.getString("type"))) {
            return Coverage.PASS;
        }
        if (!deliverHistory && entry.getDate("recordedAt") != null && entry.getDate("recordedAt").toInstant().isBefore(grantedAt)) {
            return Coverage.PASS; // recorded before the grant, journaled after it (the journal was behind)
        }
        if (organisationUnitId == null) {
            return Coverage.DELIVER;
        }
        boolean unknown = false;
        for (String unit : entry.getList("units", String.class, List.of())) {
            UnitTreeReadModel.Placement placement = tree.placement(unit, organisationUnitId);
            if (placement == UnitTreeReadModel.Placement.WITHIN) {
                return Coverage.DELIVER;
            }
            unknown |= placement == UnitTreeReadModel.Placement.UNKNOWN;
        }
        Date journaled = entry.getDate("journaledAt");
        return unknown && journaled != null && journaled.toInstant().isAfter(unknownUnitsPassBefore) ? Coverage.WAIT : Coverage.PASS;
    }

    /**
     * The entry as the department receives it: a CloudEvent in JSON (structured mode, the same attributes the topics
     * carry as headers), its data without the personal fields not granted, and {@code dangjianposition}, the journal
     * position (also the SSE id).
     */
    public Delivered cloudEvent(Document entry, Catalogue catalogue) {
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", entry.getString("eventId"));
        event.put("source", entry.getString("source"));
        event.put("type", entry.getString("type"));
        event.put("subject", entry.getString("subject"));
        event.put("time", instant(entry, "occurredAt"));
        event.put("datacontenttype", "application/json");
        event.put("dataschema", "urn:dangjian:schema:" + entry.getString("type"));
        event.put("partitionkey", entry.getString("subject"));
        event.put("sequence", String.valueOf(entry.get("sequence", Number.class).longValue()));
        event.put("aggregatetype", entry.getString("aggregateType"));
        event.put("recordedtime", instant(entry, "recordedAt"));
        event.put("actorid", entry.getString("actorId"));
        event.put("actorrole", entry.getString("actorRole"));
        if (entry.getString("actorOrg") != null) {
            event.put("actororg", entry.getString("actorOrg"));
        }
        if (entry.getString("correlationId") != null) {
            event.put("correlationid", entry.getString("correlationId"));
        }
        if (entry.getString("causationId") != null) {
            event.put("causationid", entry.getString("causationId"));
        }
        event.put("prevhash", entry.getString("prevHash"));
        event.put("hash", entry.getString("hash"));
        event.put("dangjianposition", String.valueOf(entry.getLong("_id")));
        ObjectNode data = (ObjectNode) JSON.readTree(entry.getString("data"));
        List<String> masked = catalogue.entry(entry.getString("type")).map(e -> Masking.mask(e.record(), data, personalData)).orElse(List.of());
        if (!masked.isEmpty()) {
            event.put("dangjianmasked", String.join(",", masked));
        }
        event.set("data", data);
        return new Delivered(event, masked);
    }

    /** An entry as delivered: the CloudEvent, and the paths of the fields left out of its data. */
    public record Delivered(ObjectNode event, List<String> masked) {
    }

    private static String instant(Document entry, String field) {
        Date date = entry.getDate(field);
        return date == null ? null : CanonicalEvent.format(Instant.ofEpochMilli(date.getTime()));
    }
}
