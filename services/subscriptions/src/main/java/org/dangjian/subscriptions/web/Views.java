package org.dangjian.subscriptions.web;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/** The documents as the API answers them: fixed fields in a fixed order, times in ISO-8601 UTC. */
final class Views {

    private Views() {
    }

    static Map<String, Object> subscription(Document d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", d.getString("_id"));
        view.put("department", d.getString("department"));
        view.put("departmentName", d.getString("departmentName"));
        view.put("state", d.getString("state"));
        view.put("channel", d.getString("channel"));
        view.put("webhookUrl", d.getString("webhookUrl"));
        Document requested = d.get("requested", Document.class);
        view.put("requested", requested == null ? null : ordered(requested, "eventTypes", "organisationUnitId", "personalData", "purpose", "requestedAt"));
        Document grant = d.get("grant", Document.class);
        view.put("grant", grant == null ? null : ordered(grant, "eventTypes", "personalData", "deliverHistory", "fromPosition", "reason", "by", "at"));
        Document decision = d.get("decision", Document.class);
        view.put("decision", decision == null ? null : ordered(decision, "outcome", "reason", "by", "at"));
        view.put("sequence", d.get("sequence", Number.class) == null ? null : d.get("sequence", Number.class).longValue());
        return view;
    }

    static Map<String, Object> delivery(Document d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", d.getString("_id"));
        for (String field : List.of("subscriptionId", "department", "channel", "position", "eventId", "eventType", "source", "subject", "state",
                "attempts", "lastStatus", "lastError", "firstAttemptAt", "lastAttemptAt", "nextAttemptAt", "deliveredAt", "deadLetteredAt", "masked",
                "redeliveries")) {
            view.put(field, value(d.get(field)));
        }
        return view;
    }

    private static Map<String, Object> ordered(Document d, String... fields) {
        Map<String, Object> view = new LinkedHashMap<>();
        for (String field : fields) {
            view.put(field, value(d.get(field)));
        }
        return view;
    }

    private static Object value(Object value) {
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof Document document) {
            Map<String, Object> map = new LinkedHashMap<>();
            document.forEach((key, v) -> map.put(key, value(v)));
            return map;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Views::value).toList();
        }
        return value;
    }
}
