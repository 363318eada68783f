package org.dangjian.organisation.query;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Projections.include;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.dangjian.contracts.organisation.MassOrganisationType;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.runtime.readmodel.TimelineStore;
import org.dangjian.runtime.web.PageOf;
import org.springframework.stereotype.Component;

/**
 * Answers the organisation queries from the read models: by key, except the list of all units ({@link #units}), which
 * reads the units that match its filters.
 */
@Component
public class OrganisationQueries {

    /** The {@code parent} of {@link #units} that names the top-level units. */
    public static final String TOP_LEVEL = OrganisationUnitsReadModel.TOP;

    private static final Comparator<TreeNode> TREE_ORDER = Comparator.comparing(TreeNode::kind).thenComparing(TreeNode::name);
    private static final Comparator<UnitView.UnitSummary> SUMMARY_ORDER =
            Comparator.comparing(UnitView.UnitSummary::kind).thenComparing(UnitView.UnitSummary::name);
    /** The tree's order (kind, then name), then the id: every unit has one place in a list. */
    private static final Comparator<Document> LIST_ORDER = Comparator.comparing(OrganisationQueries::kind)
            .thenComparing((Document doc) -> doc.getString("name")).thenComparing(doc -> doc.getString("_id"));

    private final MongoCollection<Document> units;
    private final MongoCollection<Document> subordinates;
    private final TimelineStore timelines;

    public OrganisationQueries(MongoDatabase serviceDatabase) {
        this.units = serviceDatabase.getCollection(OrganisationUnitsReadModel.UNITS);
        this.subordinates = serviceDatabase.getCollection(OrganisationUnitsReadModel.SUBORDINATES);
        this.timelines = new TimelineStore(serviceDatabase, UnitTimelinesReadModel.TIMELINES);
    }

    /** One unit with its parent and subordinate units in brief. */
    public Optional<UnitView> unit(String id) {
        Document doc = units.find(eq("_id", id)).first();
        if (doc == null || doc.getString("kind") == null) {
            return Optional.empty();
        }
        UnitView.UnitSummary parent = null;
        String parentId = doc.getString("parentId");
        if (parentId != null) {
            parent = unitsById(List.of(parentId)).values().stream().map(OrganisationQueries::summary).findFirst().orElse(null);
        }
        List<UnitView.UnitSummary> under = unitsById(subordinateIds(List.of(id)).getOrDefault(id, List.of())).values().stream()
                .map(OrganisationQueries::summary).sorted(SUMMARY_ORDER).toList();
        return Optional.of(new UnitView(id, kind(doc), massType(doc), doc.getString("name"), doc.getString("status"),
                instant(doc, "establishedAt"), instant(doc, "dissolvedAt"), sequence(doc), parent, under));
    }

    /** The whole tree from the top-level committees down, level by level by key. */
    public List<TreeNode> tree(boolean includeDissolved) {
        Map<String, List<String>> children = new HashMap<>();
        Map<String, Document> found = new HashMap<>();
        List<String> level = subordinateIds(List.of(OrganisationUnitsReadModel.TOP)).getOrDefault(OrganisationUnitsReadModel.TOP, List.of());
        children.put(OrganisationUnitsReadModel.TOP, level);
        while (!level.isEmpty()) {
            found.putAll(unitsById(level));
            Map<String, List<String>> next = subordinateIds(level);
            children.putAll(next);
            level = next.values().stream().flatMap(List::stream).filter(id -> !found.containsKey(id)).distinct().toList();
        }
        return nodes(OrganisationUnitsReadModel.TOP, children, found, includeDissolved);
    }

    /**
     * Which units a list holds. All conditions hold together; a null one does not filter.
     *
     * @param parent the units directly under this unit (its id), under {@link #TOP_LEVEL} the top-level ones; null:
     *               every unit, wherever it stands
     * @param text   contained in the name, ignoring case, taken literally (no pattern); null or empty: any name
     */
    public record UnitFilter(String parent, String text, OrganisationUnitKind kind, UnitStatus status) {
    }

    /**
     * A page of units in the tree's order (kind, name, then id), each with its parent's name and how many units stand
     * under it; empty when {@code filter.parent()} names no unit (a unit without subordinates gives an empty page).
     *
     * <p>Under a parent: the parent's list of subordinates, then those units by {@code _id $in}. Anywhere: the units
     * matching the filter (kind and status by equality, the name by a case-insensitive {@code $regex} of the quoted
     * text: one filter document, no {@code $and}, so mongo-java-server and MongoDB read it alike). Either way every
     * matching unit is read and sorted and paged here: meant for the some thousands of units a party organisation has,
     * not for hundreds of thousands (then the filters and the order belong in an index and the paging in the query).
     * The page's items then take two reads by {@code $in}: their subordinates' lists, and those subordinates'
     * status; and one for the parents' names when the list is not of one parent.
     */
    public Optional<PageOf<UnitListItem>> units(UnitFilter filter, int page, int size) {
        Pattern contains = filter.text() == null || filter.text().isEmpty() ? null
                : Pattern.compile(Pattern.quote(filter.text()), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        Map<String, Document> parents = new HashMap<>();
        List<Document> candidates;
        if (filter.parent() == null) {
            Document query = new Document();
            if (filter.kind() != null) {
                query.append("kind", filter.kind().name());
            }
            if (filter.status() != null) {
                query.append("status", filter.status().name());
            }
            if (contains != null) {
                query.append("name", new Document("$regex", contains.pattern()).append("$options", "i"));
            }
            candidates = units.find(query).into(new ArrayList<>());
        } else {
            if (!TOP_LEVEL.equals(filter.parent())) {
                Document parent = units.find(eq("_id", filter.parent())).first();
                if (parent == null || parent.getString("kind") == null) {
                    return Optional.empty();
                }
                parents.put(filter.parent(), parent);
            }
            candidates = new ArrayList<>(unitsById(subordinateIds(List.of(filter.parent())).getOrDefault(filter.parent(), List.of())).values());
        }
        List<Document> listed = candidates.stream()
                .filter(doc -> doc.getString("kind") != null) // a unit whose own event has not arrived yet
                .filter(doc -> filter.kind() == null || filter.kind().name().equals(doc.getString("kind")))
                .filter(doc -> filter.status() == null || filter.status().name().equals(doc.getString("status")))
                .filter(doc -> contains == null || contains.matcher(doc.getString("name")).find())
                .sorted(LIST_ORDER)
                .toList();
        return Optional.of(PageOf.of(listed, page, size).map(docs -> listItems(docs, parents)));
    }

    /** The page's units as list items: one read of their subordinates' lists, one of those units' status, one of the parents' names. */
    private List<UnitListItem> listItems(List<Document> docs, Map<String, Document> knownParents) {
        if (docs.isEmpty()) {
            return List.of();
        }
        List<String> ids = docs.stream().map(doc -> doc.getString("_id")).toList();
        Map<String, List<String>> children = subordinateIds(ids);
        List<String> allChildren = children.values().stream().flatMap(List::stream).distinct().toList();
        Map<String, String> childStatus = new HashMap<>();
        if (!allChildren.isEmpty()) {
            for (Document child : units.find(in("_id", allChildren)).projection(include("status"))) {
                childStatus.put(child.getString("_id"), child.getString("status"));
            }
        }
        Map<String, String> parentNames = new HashMap<>();
        knownParents.forEach((id, parent) -> parentNames.put(id, parent.getString("name")));
        List<String> otherParents = docs.stream().map(doc -> doc.getString("parentId"))
                .filter(parentId -> parentId != null && !parentNames.containsKey(parentId)).distinct().toList();
        if (!otherParents.isEmpty()) {
            for (Document parent : units.find(in("_id", otherParents)).projection(include("name"))) {
                parentNames.put(parent.getString("_id"), parent.getString("name"));
            }
        }
        List<UnitListItem> items = new ArrayList<>(docs.size());
        for (Document doc : docs) {
            String id = doc.getString("_id");
            List<String> under = children.getOrDefault(id, List.of());
            long active = under.stream().filter(child -> UnitStatus.ACTIVE.name().equals(childStatus.get(child))).count();
            String parentId = doc.getString("parentId");
            items.add(new UnitListItem(id, kind(doc), massType(doc), doc.getString("name"), UnitStatus.valueOf(doc.getString("status")),
                    parentId, parentId == null ? null : parentNames.get(parentId), sequence(doc), instant(doc, "establishedAt"),
                    instant(doc, "dissolvedAt"), under.size(), active));
        }
        return items;
    }

    /** A page of a unit's timeline, oldest event first. */
    public Optional<TimelineStore.Page> timeline(String id, long from, int limit) {
        return timelines.page(id, from, limit);
    }

    private List<TreeNode> nodes(String parent, Map<String, List<String>> children, Map<String, Document> found, boolean includeDissolved) {
        List<TreeNode> nodes = new ArrayList<>();
        for (String id : children.getOrDefault(parent, List.of())) {
            Document doc = found.get(id);
            if (doc == null || doc.getString("kind") == null) {
                continue; // its own event has not arrived yet
            }
            if (!includeDissolved && "DISSOLVED".equals(doc.getString("status"))) {
                continue;
            }
            nodes.add(new TreeNode(id, kind(doc), massType(doc), doc.getString("name"), doc.getString("status"), sequence(doc),
                    nodes(id, children, found, includeDissolved)));
        }
        nodes.sort(TREE_ORDER);
        return nodes;
    }

    private Map<String, List<String>> subordinateIds(Collection<String> parents) {
        Map<String, List<String>> result = new HashMap<>();
        for (Document doc : subordinates.find(in("_id", parents))) {
            Document units = doc.get("units", Document.class);
            result.put(doc.getString("_id"), units == null ? List.of() : List.copyOf(units.keySet()));
        }
        return result;
    }

    private Map<String, Document> unitsById(Collection<String> ids) {
        Map<String, Document> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        for (Document doc : units.find(in("_id", ids))) {
            result.put(doc.getString("_id"), doc);
        }
        return result;
    }

    private static UnitView.UnitSummary summary(Document doc) {
        return new UnitView.UnitSummary(doc.getString("_id"), kind(doc), doc.getString("name"), doc.getString("status"));
    }

    private static OrganisationUnitKind kind(Document doc) {
        return OrganisationUnitKind.valueOf(doc.getString("kind"));
    }

    private static MassOrganisationType massType(Document doc) {
        String type = doc.getString("massOrganisationType");
        return type == null ? null : MassOrganisationType.valueOf(type);
    }

    private static long sequence(Document doc) {
        return ((Number) doc.get("sequence")).longValue();
    }

    private static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
