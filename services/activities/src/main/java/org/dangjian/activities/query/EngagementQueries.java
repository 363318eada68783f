package org.dangjian.activities.query;

import static com.mongodb.client.model.Filters.eq;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.dangjian.contracts.activities.EngagementKind;
import org.dangjian.runtime.platform.MemberDirectoryReadModel;
import org.dangjian.runtime.platform.OrganisationUnitsReadModel;
import org.dangjian.runtime.web.PageOf;
import org.springframework.stereotype.Component;

/**
 * Answers the learning and practice records' queries (学习教育, "我为群众办实事", 调研报告, 群众性活动) from {@link
 * EngagementsReadModel}: a record by key, a list by branch (an index), a member's records by the participants index;
 * each within the caller's scope.
 */
@Component
public class EngagementQueries {

    /** Newest first, then by id. */
    private static final Comparator<Document> NEWEST_FIRST = Comparator.comparing((Document doc) -> doc.getString("date")).reversed()
            .thenComparing(doc -> doc.getString("_id"));

    private final MongoCollection<Document> engagements;
    private final OrganisationUnitsReadModel branches;
    private final MemberDirectoryReadModel directory;

    public EngagementQueries(MongoDatabase serviceDatabase, OrganisationUnitsReadModel branches, MemberDirectoryReadModel directory) {
        this.engagements = serviceDatabase.getCollection(EngagementsReadModel.ENGAGEMENTS);
        this.branches = branches;
        this.directory = directory;
    }

    /** Which records a list holds; all conditions together, a null one does not filter ({@code from}, {@code to} inclusive). */
    public record Filter(String branchId, EngagementKind kind, LocalDate from, LocalDate to) {
    }

    /** A page of the records of the filter the caller sees (a secretary: his branch's; another branch's: an empty page), newest first. */
    public PageOf<EngagementListItem> list(Filter filter, ReadScope scope, int page, int size) {
        String branch = filter.branchId();
        if (!scope.all()) {
            if (scope.branchId() == null || branch != null && !scope.seesBranch(branch)) {
                return PageOf.of(List.of(), page, size);
            }
            branch = scope.branchId();
        }
        Document query = new Document("kind", new Document("$exists", true));
        if (branch != null) {
            query.append("branchId", branch);
        }
        if (filter.kind() != null) {
            query.append("kind", filter.kind().name());
        }
        Document range = new Document();
        if (filter.from() != null) {
            range.append("$gte", filter.from().toString());
        }
        if (filter.to() != null) {
            range.append("$lte", filter.to().toString());
        }
        if (!range.isEmpty()) {
            query.append("date", range);
        }
        List<Document> listed = engagements.find(query).projection(new Document("description", 0).append("summary", 0).append("result", 0))
                .into(new ArrayList<>()).stream().sorted(NEWEST_FIRST).toList();
        Map<String, String> names = new HashMap<>();
        return PageOf.of(listed, page, size).map(docs -> docs.stream().map(doc -> new EngagementListItem(doc.getString("_id"),
                doc.getString("kind"), doc.getString("branchId"), unitName(doc.getString("branchId"), names), doc.getString("organiserId"),
                doc.getString("organiserId") == null ? null : unitName(doc.getString("organiserId"), names), doc.getString("title"),
                doc.getString("date"), hours(doc.get("hours")), strings(doc, "participants").size(), doc.getString("learningForm"),
                doc.getString("state"), doc.getString("completedOn"), corrections(doc).size(), sequence(doc))).toList());
    }

    /** The record's document, whoever asks (for scope checks before waiting). */
    public Optional<Document> document(String id) {
        return Optional.ofNullable(engagements.find(eq("_id", id)).first()).filter(doc -> doc.getString("kind") != null);
    }

    /** Whether the caller sees the record (it exists and is of a branch of his scope). */
    public boolean visible(String id, ReadScope scope) {
        return document(id).filter(doc -> scope.seesBranch(doc.getString("branchId"))).isPresent();
    }

    /** The record with its participants and authors named, its evidence, completion and corrections, in the caller's scope. */
    public Optional<EngagementView> engagement(String id, ReadScope scope) {
        return document(id).filter(doc -> scope.seesBranch(doc.getString("branchId"))).map(doc -> {
            List<String> participants = strings(doc, "participants");
            List<String> authors = strings(doc, "authors");
            List<String> everyone = new ArrayList<>(participants);
            everyone.addAll(authors);
            Map<String, MemberDirectoryReadModel.Member> known = directory.members(everyone);
            Map<String, String> names = new HashMap<>();
            List<EngagementView.Correction> corrections = new ArrayList<>();
            for (Map.Entry<String, Object> entry : corrections(doc).entrySet()) {
                Document line = (Document) entry.getValue();
                Date at = line.getDate("correctedAt");
                corrections.add(new EngagementView.Correction(Long.parseLong(entry.getKey()), line.getString("reason"),
                        at == null ? null : at.toInstant(), line.getList("fields", String.class, List.of())));
            }
            corrections.sort(Comparator.comparingLong(EngagementView.Correction::sequence));
            Date recordedAt = doc.getDate("recordedAt");
            return new EngagementView(id, doc.getString("kind"), doc.getString("branchId"), unitName(doc.getString("branchId"), names),
                    doc.getString("organiserId"), doc.getString("organiserId") == null ? null : unitName(doc.getString("organiserId"), names),
                    doc.getString("title"), doc.getString("date"), hours(doc.get("hours")), people(participants, known), strings(doc, "evidence"),
                    doc.getString("description"), doc.getString("learningForm"), doc.containsKey("authors") && doc.get("authors") != null
                    ? people(authors, known) : null, doc.getString("summary"), doc.getString("state"), doc.getString("completedOn"),
                    doc.getString("result"), recordedAt == null ? null : recordedAt.toInstant(), corrections, sequence(doc));
        });
    }

    /** A member's records (he took part in, or wrote), of one year or all (null), newest first. */
    public List<ParticipationView.EngagementEntry> ofMember(String memberId, Integer year) {
        String prefix = year == null ? "" : year + "-";
        List<ParticipationView.EngagementEntry> entries = new ArrayList<>();
        for (Document doc : engagements.find(eq("participants", memberId))
                .projection(new Document("kind", 1).append("branchId", 1).append("title", 1).append("date", 1).append("hours", 1)
                        .append("state", 1).append("authors", 1))) {
            String date = doc.getString("date");
            if (doc.getString("kind") == null || date == null || !date.startsWith(prefix)) {
                continue;
            }
            entries.add(new ParticipationView.EngagementEntry(doc.getString("_id"), doc.getString("kind"), doc.getString("branchId"),
                    doc.getString("title"), date, hours(doc.get("hours")), doc.getString("state"), strings(doc, "authors").contains(memberId)));
        }
        entries.sort(Comparator.comparing(ParticipationView.EngagementEntry::date).reversed()
                .thenComparing(ParticipationView.EngagementEntry::engagementId));
        return entries;
    }

    private static List<EngagementView.Person> people(List<String> ids, Map<String, MemberDirectoryReadModel.Member> known) {
        return ids.stream().map(id -> new EngagementView.Person(id, known.containsKey(id) ? known.get(id).name() : null)).toList();
    }

    private String unitName(String unitId, Map<String, String> names) {
        return unitId == null ? null : names.computeIfAbsent(unitId, id -> branches.unit(id).map(OrganisationUnitsReadModel.Unit::name).orElse(null));
    }

    private static List<String> strings(Document doc, String field) {
        Object value = doc.get(field);
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    private static Document corrections(Document doc) {
        Document corrections = doc.get("corrections", Document.class);
        return corrections == null ? new Document() : corrections;
    }

    static BigDecimal hours(Object value) {
        if (!(value instanceof Number number)) {
            return null;
        }
        BigDecimal stripped = BigDecimal.valueOf(number.doubleValue()).stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static long sequence(Document doc) {
        Object sequence = doc.get("sequence");
        return sequence instanceof Number number ? number.longValue() : 0;
    }
}
