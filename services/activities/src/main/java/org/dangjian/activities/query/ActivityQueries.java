package org.dangjian.activities.query;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Projections.include;

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
import org.dangjian.contracts.activities.ActivityKind;
import org.dangjian.runtime.platform.MemberDirectoryReadModel;
import org.dangjian.runtime.platform.OrganisationUnitsReadModel;
import org.dangjian.runtime.readmodel.TimelineStore;
import org.dangjian.runtime.web.PageOf;
import org.springframework.stereotype.Component;

/**
 * Answers the activities queries from the read models: an activity, its timeline and a member's participation by key;
 * a calendar by the branch (an index) and a ranking from its year's document, each within the caller's scope.
 */
@Component
public class ActivityQueries {

    private static final Comparator<Document> CALENDAR_ORDER = Comparator.comparing((Document doc) -> doc.getString("date"))
            .thenComparing(doc -> doc.getString("_id"));

    private final MongoCollection<Document> activities;
    private final MongoCollection<Document> participation;
    private final MongoCollection<Document> years;
    private final MongoCollection<Document> services;
    private final TimelineStore timelines;
    private final OrganisationUnitsReadModel branches;
    private final MemberDirectoryReadModel directory;
    private final EngagementQueries engagements;
    private final DualLifeReadModel dualLives;

    public ActivityQueries(MongoDatabase serviceDatabase, OrganisationUnitsReadModel branches, MemberDirectoryReadModel directory,
                           EngagementQueries engagements, DualLifeReadModel dualLives) {
        this.engagements = engagements;
        this.dualLives = dualLives;
        this.activities = serviceDatabase.getCollection(ActivitiesReadModel.ACTIVITIES);
        this.participation = serviceDatabase.getCollection(ParticipationReadModel.PARTICIPATION);
        this.years = serviceDatabase.getCollection(ParticipationReadModel.YEARS);
        this.services = serviceDatabase.getCollection(ParticipationReadModel.SERVICES);
        this.timelines = new TimelineStore(serviceDatabase, ActivityTimelinesReadModel.TIMELINES);
        this.branches = branches;
        this.directory = directory;
    }

    /**
     * Which activities a calendar holds; all conditions together, a null one does not filter.
     *
     * @param from the first day (held on, or planned for), inclusive
     * @param to   the last day, inclusive
     */
    public record CalendarFilter(String branchId, ActivityKind kind, ActivityState state, LocalDate from, LocalDate to) {
    }

    /**
     * A page of the activities of the filter the caller sees (a secretary: his branch's only; another branch's gives an
     * empty page), by day, then id. Every matching activity is read and paged here: meant for a branch's some hundreds of
     * activities a year, or some thousands for the whole committee.
     */
    public PageOf<ActivityListItem> calendar(CalendarFilter filter, ReadScope scope, int page, int size) {
        String branch = filter.branchId();
        if (!scope.all()) {
            if (scope.branchId() == null || branch != null && !scope.seesBranch(branch)) {
                return PageOf.of(List.of(), page, size);
            }
            branch = scope.branchId();
        }
        Document query = new Document();
        if (branch != null) {
            query.append("branchId", branch);
        }
        if (filter.kind() != null) {
            query.append("kind", filter.kind().name());
        }
        if (filter.state() != null) {
            query.append("state", filter.state().name());
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
        List<Document> listed = activities.find(query).into(new ArrayList<>()).stream()
                .filter(doc -> doc.getString("kind") != null)
                .sorted(CALENDAR_ORDER).toList();
        Map<String, String> names = new HashMap<>();
        return PageOf.of(listed, page, size).map(docs -> docs.stream().map(doc -> {
            int[] counts = counts(doc);
            return new ActivityListItem(doc.getString("_id"), doc.getString("branchId"), branchName(doc.getString("branchId"), names),
                    doc.getString("kind"), doc.getString("topic"), ActivityState.valueOf(doc.getString("state")), doc.getString("date"),
                    doc.getString("plannedDate"), doc.getString("heldOn"), doc.getString("place"), counts[0], counts[1], counts[2], sequence(doc));
        }).toList());
    }

    /** The activity's document, whoever asks (for scope checks before waiting). */
    public Optional<Document> document(String id) {
        return Optional.ofNullable(activities.find(eq("_id", id)).first()).filter(doc -> doc.getString("kind") != null);
    }

    /** Whether the caller sees the activity (it exists and is of a branch of his scope). */
    public boolean visible(String id, ReadScope scope) {
        return document(id).filter(doc -> scope.seesBranch(doc.getString("branchId"))).isPresent();
    }

    /** The activity with its attendance, members named as the directory knows them, in the caller's scope. */
    public Optional<ActivityView> activity(String id, ReadScope scope) {
        return document(id).filter(doc -> scope.seesBranch(doc.getString("branchId"))).map(doc -> {
            Document attendance = doc.get("attendance", Document.class);
            List<ActivityView.AttendanceLine> lines = new ArrayList<>();
            Map<String, String> names = new HashMap<>();
            List<DualLifeReadModel.Assignment> cadres = dualLives.onDay(doc.getString("branchId"), LocalDate.parse(doc.getString("date")));
            java.util.Set<String> cadreIds = new java.util.HashSet<>();
            cadres.forEach(cadre -> cadreIds.add(cadre.memberId()));
            if (attendance != null) {
                Map<String, MemberDirectoryReadModel.Member> members = directory.members(attendance.keySet());
                for (Map.Entry<String, Object> entry : attendance.entrySet()) {
                    Document line = (Document) entry.getValue();
                    MemberDirectoryReadModel.Member member = members.get(entry.getKey());
                    lines.add(new ActivityView.AttendanceLine(entry.getKey(), member == null ? null : member.name(), line.getString("attendance"),
                            line.getString("reason"), line.containsKey("previousAttendance"), line.getString("previousAttendance"),
                            line.getString("correctionReason"), cadreIds.contains(entry.getKey())));
                }
                lines.sort(Comparator.comparing((ActivityView.AttendanceLine line) -> line.name() == null ? "\uffff" : line.name())
                        .thenComparing(ActivityView.AttendanceLine::memberId));
            }
            Map<String, MemberDirectoryReadModel.Member> cadreMembers = directory.members(cadreIds);
            List<ActivityView.DualLifeCadre> dualLifeCadres = new ArrayList<>();
            for (DualLifeReadModel.Assignment cadre : cadres) {
                MemberDirectoryReadModel.Member member = cadreMembers.get(cadre.memberId());
                String home = member == null ? null : member.branchId();
                dualLifeCadres.add(new ActivityView.DualLifeCadre(cadre.memberId(), member == null ? null : member.name(), home,
                        home == null ? null : branchName(home, names), cadre.position()));
            }
            dualLifeCadres.sort(Comparator.comparing((ActivityView.DualLifeCadre cadre) -> cadre.name() == null ? "\uffff" : cadre.name())
                    .thenComparing(ActivityView.DualLifeCadre::memberId));
            int[] counts = counts(doc);
            Date cancelledAt = doc.getDate("cancelledAt");
            return new ActivityView(id, doc.getString("branchId"), branchName(doc.getString("branchId"), names), doc.getString("kind"),
                    doc.getString("topic"), ActivityState.valueOf(doc.getString("state")), doc.getString("date"), doc.getString("plannedDate"),
                    doc.getString("heldOn"), doc.getString("place"), doc.getString("minutes"), doc.getString("speaker"),
                    doc.getString("cancelReason"), cancelledAt == null ? null : cancelledAt.toInstant(), counts[0], counts[1], counts[2], lines,
                    dualLifeCadres, sequence(doc));
        });
    }

    /** A page of the activity's (or volunteer service record's) timeline; empty when it has none. */
    public Optional<TimelineStore.Page> timeline(String id, long from, int limit) {
        return timelines.page(id, from, limit);
    }

    /** The member as the directory knows him, if it does. */
    public Optional<MemberDirectoryReadModel.Member> member(String id) {
        return directory.member(id);
    }

    /** The member a login name is linked to, if any. */
    public Optional<MemberDirectoryReadModel.Member> memberByUsername(String username) {
        return directory.byUsername(username);
    }

    /**
     * A member's participation, of one year or all (null), if the caller sees him (a secretary: a member of his
     * branch; a party member: himself) and the service knows him or anything of his.
     */
    public Optional<ParticipationView> participation(String memberId, Integer year, ReadScope scope) {
        MemberDirectoryReadModel.Member member = directory.member(memberId).orElse(null);
        if (!scope.seesMember(member)) {
            return Optional.empty();
        }
        Document doc = participation.find(eq("_id", memberId)).first();
        if (doc == null && member == null) {
            return Optional.empty();
        }
        String prefix = year == null ? "" : year + "-";
        List<DualLifeReadModel.Assignment> his = dualLives.assignments(null, memberId);
        List<ParticipationView.ActivityEntry> attended = new ArrayList<>();
        List<ParticipationView.ServiceEntry> services = new ArrayList<>();
        int[] counts = new int[3];
        BigDecimal hours = BigDecimal.ZERO;
        if (doc != null) {
            Document byActivity = doc.get("activities", Document.class);
            if (byActivity != null) {
                Map<String, String> topics = new HashMap<>();
                for (Document activity : activities.find(in("_id", new ArrayList<>(byActivity.keySet()))).projection(include("topic"))) {
                    topics.put(activity.getString("_id"), activity.getString("topic"));
                }
                for (Map.Entry<String, Object> entry : byActivity.entrySet()) {
                    Document line = (Document) entry.getValue();
                    if (!line.getString("date").startsWith(prefix)) {
                        continue;
                    }
                    String attendance = line.getString("attendance");
                    counts[index(attendance)]++;
                    attended.add(new ParticipationView.ActivityEntry(entry.getKey(), line.getString("kind"), line.getString("branchId"),
                            topics.get(entry.getKey()), line.getString("date"), attendance, line.getString("reason"),
                            Boolean.TRUE.equals(line.getBoolean("corrected")), dualLife(his, line.getString("branchId"), line.getString("date"))));
                }
            }
            Document byService = doc.get("services", Document.class);
            if (byService != null) {
                for (Map.Entry<String, Object> entry : byService.entrySet()) {
                    Document line = (Document) entry.getValue();
                    if (!line.getString("date").startsWith(prefix)) {
                        continue;
                    }
                    BigDecimal served = hours(line.get("hours"));
                    hours = hours.add(served);
                    services.add(new ParticipationView.ServiceEntry(entry.getKey(), line.getString("kind"), served, line.getString("date")));
                }
            }
        }
        attended.sort(Comparator.comparing(ParticipationView.ActivityEntry::date).reversed()
                .thenComparing(ParticipationView.ActivityEntry::activityId));
        services.sort(Comparator.comparing(ParticipationView.ServiceEntry::date).reversed().thenComparing(ParticipationView.ServiceEntry::serviceId));
        List<ParticipationView.EngagementEntry> records = engagements.ofMember(memberId, year);
        BigDecimal engagementHours = BigDecimal.ZERO;
        for (ParticipationView.EngagementEntry record : records) {
            if (record.hours() != null) {
                engagementHours = engagementHours.add(record.hours());
            }
        }
        return Optional.of(new ParticipationView(memberId, member == null ? null : member.name(), member == null ? null : member.branchId(), year,
                counts[0], counts[1], counts[2], plain(hours), attended, services, plain(engagementHours), records, dualLifeEntries(his)));
    }

    /**
     * The volunteer hours ranking of a year: of one branch's members (by the directory) or all the caller sees (a
     * secretary: his branch's members), the first {@code limit}.
     */
    public VolunteerRankingView ranking(int year, String branchId, ReadScope scope, int limit) {
        if (!scope.all() && (scope.branchId() == null || branchId != null && !scope.seesBranch(branchId))) {
            return new VolunteerRankingView(year, branchId, 0, List.of());
        }
        String branch = scope.all() ? branchId : scope.branchId();
        Document doc = years.find(eq("_id", String.valueOf(year))).first();
        Document members = doc == null ? null : doc.get("members", Document.class);
        if (members == null) {
            return new VolunteerRankingView(year, branchId, 0, List.of());
        }
        Map<String, MemberDirectoryReadModel.Member> known = directory.members(members.keySet());
        record Row(String memberId, MemberDirectoryReadModel.Member member, BigDecimal hours, int services) {
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Object> entry : members.entrySet()) {
            MemberDirectoryReadModel.Member member = known.get(entry.getKey());
            if (branch != null && (member == null || !branch.equals(member.branchId()))) {
                continue;
            }
            Document byService = (Document) entry.getValue();
            BigDecimal sum = BigDecimal.ZERO;
            for (Object value : byService.values()) {
                sum = sum.add(hours(value));
            }
            rows.add(new Row(entry.getKey(), member, plain(sum), byService.size()));
        }
        rows.sort(Comparator.comparing(Row::hours).reversed()
                .thenComparing(row -> row.member() == null || row.member().name() == null ? "\uffff" : row.member().name())
                .thenComparing(Row::memberId));
        Map<String, String> names = new HashMap<>();
        List<VolunteerRankingView.Item> items = new ArrayList<>();
        int rank = 0;
        BigDecimal previous = null;
        for (int i = 0; i < rows.size() && i < limit; i++) {
            Row row = rows.get(i);
            if (previous == null || row.hours().compareTo(previous) != 0) {
                rank = i + 1;
                previous = row.hours();
            }
            String memberBranch = row.member() == null ? null : row.member().branchId();
            items.add(new VolunteerRankingView.Item(rank, row.memberId(), row.member() == null ? null : row.member().name(), memberBranch,
                    memberBranch == null ? null : branchName(memberBranch, names), row.hours(), row.services()));
        }
        return new VolunteerRankingView(year, branchId, rows.size(), items);
    }

    /** A volunteer service record, if the caller sees its member (a secretary: of his branch; a party member: himself). */
    public Optional<VolunteerServiceView> volunteerService(String id, ReadScope scope) {
        Document doc = services.find(eq("_id", id)).first();
        if (doc == null) {
            return Optional.empty();
        }
        MemberDirectoryReadModel.Member member = directory.member(doc.getString("memberId")).orElse(null);
        if (!scope.seesMember(member)) {
            return Optional.empty();
        }
        String branch = member == null ? null : member.branchId();
        Date recordedAt = doc.getDate("recordedAt");
        return Optional.of(new VolunteerServiceView(id, doc.getString("memberId"), member == null ? null : member.name(), branch,
                branch == null ? null : branchName(branch, new HashMap<>()), doc.getString("kind"), plain(hours(doc.get("hours"))),
                doc.getString("date"), recordedAt == null ? null : recordedAt.toInstant(), sequence(doc)));
    }

    /** Whether he attended that branch's activity of that day in dual organisational life. */
    private static boolean dualLife(List<DualLifeReadModel.Assignment> his, String branchId, String date) {
        return his.stream().anyMatch(assignment -> assignment.branchId().equals(branchId) && assignment.covers(LocalDate.parse(date)));
    }

    private List<ParticipationView.DualLifeEntry> dualLifeEntries(List<DualLifeReadModel.Assignment> his) {
        Map<String, String> names = new HashMap<>();
        return his.stream().map(assignment -> new ParticipationView.DualLifeEntry(assignment.id(), assignment.branchId(),
                branchName(assignment.branchId(), names), assignment.active(), assignment.since(), assignment.until(), assignment.position()))
                .toList();
    }

    private String branchName(String branchId, Map<String, String> names) {
        return names.computeIfAbsent(branchId, id -> branches.unit(id).map(OrganisationUnitsReadModel.Unit::name).orElse(null));
    }

    private static int[] counts(Document doc) {
        int[] counts = new int[3];
        Document attendance = doc.get("attendance", Document.class);
        if (attendance != null) {
            for (Object value : attendance.values()) {
                counts[index(((Document) value).getString("attendance"))]++;
            }
        }
        return counts;
    }

    private static int index(String attendance) {
        return switch (attendance) {
            case "PRESENT" -> 0;
            case "ON_LEAVE" -> 1;
            default -> 2;
        };
    }

    private static BigDecimal hours(Object value) {
        return value instanceof Number number ? BigDecimal.valueOf(number.doubleValue()) : BigDecimal.ZERO;
    }

    private static BigDecimal plain(BigDecimal hours) {
        BigDecimal stripped = hours.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static long sequence(Document doc) {
        Object sequence = doc.get("sequence");
        return sequence instanceof Number number ? number.longValue() : 0;
    }
}
