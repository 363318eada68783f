package org.dangjian.organisation.query;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.dangjian.contracts.organisation.MassOrganisationType;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.runtime.readmodel.TimelineStore;
import org.springframework.stereotype.Component;

/** Answers the organisation queries from the read models, by key only. */
@Component
public class OrganisationQueries {

    private static final Comparator<TreeNode> TREE_ORDER = Comparator.comparing(TreeNode::kind).thenComparing(TreeNode::name);
    private static final Comparator<UnitView.UnitSummary> SUMMARY_ORDER =
            Comparator.comparing(UnitView.UnitSummary::kind).thenComparing(UnitView.UnitSummary::name);

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
