package org.dangjian.members.query;

import static com.mongodb.client.model.Filters.eq;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.dangjian.contracts.members.DecidingBody;
import org.dangjian.contracts.members.Gender;
import org.dangjian.contracts.members.PoliticalReviewConclusion;
import org.dangjian.members.command.MemberStage;
import org.dangjian.members.command.PointsRules;
import org.dangjian.members.command.MemberStep;
import org.dangjian.runtime.readmodel.TimelineStore;
import org.dangjian.runtime.web.PageOf;
import org.springframework.stereotype.Component;

/**
 * Answers the members queries from the read models, within the caller's {@link ReadScope}: by key, except the list
 * and the board, which read the members matching their filters (branch and stage by equality, the name by a
 * case-insensitive {@code $regex} of the quoted text: one filter document, no {@code $and}) and keep, sort and page
 * them here. Made for the thousands of members a party committee has.
 */
@Component
public class MemberQueries {

    private static final Comparator<Document> BY_NAME = Comparator.comparing((Document doc) -> doc.getString("name"))
            .thenComparing(doc -> doc.getString("_id"));
    private static final Comparator<Document> BY_DUE = Comparator.comparing((Document doc) -> doc.getString("nextStepDueOn"))
            .thenComparing(BY_NAME);

    private final MongoCollection<Document> members;
    private final MongoCollection<Document> assessments;
    private final TimelineStore timelines;

    public MemberQueries(MongoDatabase serviceDatabase) {
        this.members = serviceDatabase.getCollection(MembersReadModel.MEMBERS);
        this.assessments = serviceDatabase.getCollection(AssessmentsReadModel.ASSESSMENTS);
        this.timelines = new TimelineStore(serviceDatabase, MemberTimelinesReadModel.TIMELINES);
    }

    /** The member's document, if the caller sees it. */
    public Optional<Document> visible(String id, ReadScope scope) {
        Document doc = members.find(eq("_id", id)).first();
        return doc == null || doc.getString("stage") == null || !scope.sees(doc) ? Optional.empty() : Optional.of(doc);
    }

    /** The member's file, personal data masked unless the caller may read it. */
    public Optional<MemberView> member(String id, ReadScope scope, LocalDate today) {
        return visible(id, scope).map(doc -> view(doc, !scope.seesPersonalData(doc), today));
    }

    /**
     * Which members a list holds; a null condition does not filter.
     *
     * @param text contained in the name, ignoring case, taken literally
     */
    public record MemberFilter(String branch, MemberStage stage, String text) {
    }

    /** A page of the members the caller sees, by name then id. */
    public PageOf<MemberListItem> members(MemberFilter filter, ReadScope scope, int page, int size) {
        List<Document> listed = matching(filter.branch(), filter.stage(), filter.text(), scope).stream().sorted(BY_NAME).toList();
        return PageOf.of(listed, page, size).map(docs -> docs.stream().map(MemberQueries::item).toList());
    }

    /** The board of the members the caller sees (of one branch, or all). */
    public PipelineView pipeline(String branch, ReadScope scope, int limit, LocalDate today) {
        List<Document> counted = matching(branch, null, null, scope).stream().filter(doc -> !Boolean.TRUE.equals(doc.getBoolean("leftPlatform")))
                .toList();
        Map<MemberStage, Long> stages = new EnumMap<>(MemberStage.class);
        for (MemberStage stage : MemberStage.values()) {
            stages.put(stage, 0L);
        }
        counted.forEach(doc -> stages.merge(MemberStage.valueOf(doc.getString("stage")), 1L, Long::sum));
        List<Document> due = counted.stream().filter(doc -> doc.getString("nextStep") != null && doc.getString("nextStepDueOn") != null)
                .sorted(BY_DUE).toList();
        List<PipelineView.Due> first = due.stream().limit(limit).map(doc -> new PipelineView.Due(doc.getString("_id"), doc.getString("name"),
                doc.getString("branchId"), MemberStage.valueOf(doc.getString("stage")), MemberStep.valueOf(doc.getString("nextStep")),
                date(doc, "nextStepDueOn"), !date(doc, "nextStepDueOn").isAfter(today))).toList();
        return new PipelineView(branch, counted.size(), new LinkedHashMap<>(stages), first, due.size());
    }

    /**
     * The open transfers the caller sees, oldest first: of one branch (sent or received) or all; a secretary those
     * that leave or reach his branch.
     *
     * @param state {@code IN_TRANSIT} or {@code RECEIVED}, or null for both
     */
    public PageOf<TransferListItem> transfers(String branch, String state, ReadScope scope, int page, int size) {
        List<TransferListItem> open = new ArrayList<>();
        for (Document doc : members.find(new Document("openTransfer", new Document("$ne", null)))) {
            Document transfer = doc.get("openTransfer", Document.class);
            if (transfer == null || doc.getString("stage") == null || !scope.sees(doc)
                    || branch != null && !branch.equals(transfer.getString("fromBranchId")) && !branch.equals(transfer.getString("toBranchId"))
                    || state != null && !state.equals(transfer.getString("state"))) {
                continue;
            }
            open.add(new TransferListItem(doc.getString("_id"), doc.getString("name"), MemberStage.valueOf(doc.getString("stage")),
                    doc.getString("branchId"), transfer(transfer), sequence(doc)));
        }
        open.sort(Comparator.comparing((TransferListItem item) -> item.transfer().initiatedOn()).thenComparing(TransferListItem::name)
                .thenComparing(TransferListItem::memberId));
        return PageOf.of(open, page, size);
    }

    /** A member's points of a year, if the caller sees him; stars by the rule version in effect at the year's end (or today). */
    public Optional<PointsView> points(String id, int year, ReadScope scope, PointsRules rules, LocalDate today, PointsLedgerReadModel ledger) {
        return visible(id, scope).map(doc -> {
            PointsRules.Version version = versionFor(year, rules, today);
            int balance = balance(doc, year);
            List<PointsView.Entry> entries = ledger.entries(id, year).stream().map(e -> {
                PointsRules.Rule rule = version == null ? null : rulesVersion(rules, e.getString("rulesVersion")).rules().get(e.getString("rule"));
                return new PointsView.Entry(((Number) e.get("sequence")).longValue(), LocalDate.parse(e.getString("date")),
                        ((Number) e.get("points")).intValue(), e.getString("rule"), rule == null ? null : rule.title(), e.getString("rulesVersion"),
                        e.getString("reason"), e.getString("sourceEventId"), e.getString("sourceType"));
            }).toList();
            return new PointsView(id, doc.getString("name"), year, balance, version == null ? 0 : version.starsFor(balance),
                    version == null ? null : version.version(), version == null ? List.of() : version.stars(), entries);
        });
    }

    /** The ranking of a year among the members the caller sees (of one branch, or all), highest balance first. */
    public RankingView ranking(String branch, int year, ReadScope scope, int limit, PointsRules rules, LocalDate today) {
        PointsRules.Version version = versionFor(year, rules, today);
        List<Document> ranked = matching(branch, null, null, scope).stream()
                .filter(doc -> !Boolean.TRUE.equals(doc.getBoolean("leftPlatform")))
                .filter(doc -> MemberStage.valueOf(doc.getString("stage")) == MemberStage.PROBATIONARY
                        || MemberStage.valueOf(doc.getString("stage")) == MemberStage.FULL_MEMBER || balance(doc, year) != 0)
                .sorted(Comparator.comparingInt((Document doc) -> -balance(doc, year)).thenComparing(BY_NAME)).toList();
        List<RankingView.Ranked> items = new ArrayList<>();
        int rank = 0;
        Integer previous = null;
        for (int i = 0; i < ranked.size() && i < limit; i++) {
            Document doc = ranked.get(i);
            int balance = balance(doc, year);
            if (previous == null || balance != previous) {
                rank = i + 1;
                previous = balance;
            }
            items.add(new RankingView.Ranked(rank, doc.getString("_id"), doc.getString("name"), doc.getString("branchId"), balance,
                    version == null ? 0 : version.starsFor(balance), rank <= 10));
        }
        return new RankingView(year, branch, ranked.size(), items);
    }

    private static int balance(Document doc, int year) {
        Document points = doc.get("points", Document.class);
        Object value = points == null ? null : points.get(String.valueOf(year));
        return value == null ? 0 : ((Number) value).intValue();
    }

    private static PointsRules.Version versionFor(int year, PointsRules rules, LocalDate today) {
        LocalDate end = LocalDate.of(year, 12, 31);
        try {
            return rules.at(end.isAfter(today) ? today : end);
        } catch (org.dangjian.runtime.domain.RuleViolation none) {
            return null;
        }
    }

    private static PointsRules.Version rulesVersion(PointsRules rules, String version) {
        return rules.versions().stream().filter(v -> v.version().equals(version)).findFirst().orElse(rules.versions().get(0));
    }

    /** A member's dues of a year, with his arrears up to last month, if the caller sees him. */
    public Optional<DuesView> dues(String id, int year, ReadScope scope, LocalDate today) {
        return visible(id, scope).map(doc -> {
            Dues dues = Dues.of(doc);
            List<DuesView.Month> months = new ArrayList<>();
            BigDecimal due = BigDecimal.ZERO.setScale(2);
            BigDecimal paid = BigDecimal.ZERO.setScale(2);
            for (int m = 1; m <= 12; m++) {
                String month = java.time.YearMonth.of(year, m).toString();
                BigDecimal owed = dues.dueFor(month);
                Document payment = dues.paid.get(month, Document.class);
                BigDecimal amount = payment == null ? null : new BigDecimal(payment.getString("amount"));
                months.add(new DuesView.Month(month, owed, amount, payment == null ? null : date(payment, "paidOn"),
                        payment == null ? null : payment.getString("receipt")));
                due = owed == null ? due : due.add(owed);
                paid = amount == null ? paid : paid.add(amount);
            }
            List<String> arrears = dues.arrears(today);
            Map.Entry<String, Object> current = dues.baseFor(java.time.YearMonth.from(today).toString());
            DuesView.Base base = current == null ? null : new DuesView.Base(current.getKey(),
                    new BigDecimal(((Document) current.getValue()).getString("base")), new BigDecimal(((Document) current.getValue()).getString("rate")),
                    new BigDecimal(((Document) current.getValue()).getString("monthlyDues")));
            return new DuesView(id, doc.getString("name"), year, months, due, paid, arrears, dues.sum(arrears), base);
        });
    }

    /** A month's dues of the members the caller sees (of one branch, or all). */
    public DuesSummaryView duesSummary(String branch, java.time.YearMonth month, ReadScope scope) {
        String key = month.toString();
        long members = 0;
        long paidCount = 0;
        BigDecimal due = BigDecimal.ZERO.setScale(2);
        BigDecimal paid = BigDecimal.ZERO.setScale(2);
        List<DuesSummaryView.Unpaid> unpaid = new ArrayList<>();
        for (Document doc : matching(branch, null, null, scope).stream().sorted(BY_NAME).toList()) {
            Dues dues = Dues.of(doc);
            BigDecimal owed = dues.dueFor(key);
            if (owed == null || Boolean.TRUE.equals(doc.getBoolean("leftPlatform"))) {
                continue;
            }
            members++;
            due = due.add(owed);
            Document payment = dues.paid.get(key, Document.class);
            if (payment != null) {
                paidCount++;
                paid = paid.add(new BigDecimal(payment.getString("amount")));
            } else {
                unpaid.add(new DuesSummaryView.Unpaid(doc.getString("_id"), doc.getString("name"), doc.getString("branchId"), owed));
            }
        }
        return new DuesSummaryView(key, branch, members, due, paidCount, paid, unpaid);
    }

    /** The members in arrears the caller sees (of one branch, or all), the largest amount first. */
    public ArrearsView arrears(String branch, ReadScope scope, LocalDate today, int limit) {
        List<ArrearsView.Item> items = new ArrayList<>();
        BigDecimal amount = BigDecimal.ZERO.setScale(2);
        for (Document doc : matching(branch, null, null, scope)) {
            if (Boolean.TRUE.equals(doc.getBoolean("leftPlatform"))) {
                continue;
            }
            Dues dues = Dues.of(doc);
            List<String> months = dues.arrears(today);
            if (!months.isEmpty()) {
                BigDecimal owed = dues.sum(months);
                amount = amount.add(owed);
                items.add(new ArrearsView.Item(doc.getString("_id"), doc.getString("name"), doc.getString("branchId"), months, owed));
            }
        }
        items.sort(Comparator.comparing(ArrearsView.Item::amount).reversed().thenComparing(ArrearsView.Item::name));
        return new ArrearsView(branch, items.size(), amount, items.stream().limit(limit).toList());
    }

    /** A member's dues as his document holds them: the bases by first month, the payments by month. */
    private record Dues(java.util.TreeMap<String, Object> bases, Document paid) {

        static Dues of(Document doc) {
            Document dues = doc.get("dues", Document.class);
            Document bases = dues == null ? null : dues.get("bases", Document.class);
            Document paid = dues == null ? null : dues.get("paid", Document.class);
            return new Dues(bases == null ? new java.util.TreeMap<>() : new java.util.TreeMap<>(bases), paid == null ? new Document() : paid);
        }

        Map.Entry<String, Object> baseFor(String month) {
            return bases.floorEntry(month);
        }

        BigDecimal dueFor(String month) {
            Map.Entry<String, Object> base = baseFor(month);
            return base == null ? null : new BigDecimal(((Document) base.getValue()).getString("monthlyDues"));
        }

        /** The months from the first base up to last month that are unpaid (a month's dues are due within it). */
        List<String> arrears(LocalDate today) {
            List<String> months = new ArrayList<>();
            if (bases.isEmpty()) {
                return months;
            }
            java.time.YearMonth last = java.time.YearMonth.from(today).minusMonths(1);
            for (java.time.YearMonth m = java.time.YearMonth.parse(bases.firstKey()); !m.isAfter(last); m = m.plusMonths(1)) {
                BigDecimal owed = dueFor(m.toString());
                if (owed != null && owed.signum() > 0 && !paid.containsKey(m.toString())) {
                    months.add(m.toString());
                }
            }
            return months;
        }

        BigDecimal sum(List<String> months) {
            BigDecimal sum = BigDecimal.ZERO.setScale(2);
            for (String month : months) {
                sum = sum.add(dueFor(month));
            }
            return sum;
        }
    }

    /** The assessment, if the caller sees it: all for readers of all, his branch's for a secretary, his own for a member. */
    public Optional<AssessmentView> assessment(String id, ReadScope scope) {
        Document doc = assessments.find(eq("_id", id)).first();
        if (doc == null || doc.getString("type") == null) {
            return Optional.empty();
        }
        Optional<Document> member = Optional.ofNullable(members.find(eq("_id", doc.getString("memberId"))).first());
        if (!seesAssessment(doc, member.orElse(null), scope)) {
            return Optional.empty();
        }
        return Optional.of(assessmentView(doc, member.map(m -> m.getString("name")).orElse(null)));
    }

    /** The assessments the caller sees, filtered by member, type, period and branch; newest period first, then by name. */
    public PageOf<AssessmentView> assessments(String memberId, String type, String period, String branch, ReadScope scope, int page, int size) {
        Document query = new Document();
        if (memberId != null) {
            query.append("memberId", memberId);
        }
        if (type != null) {
            query.append("type", type);
        }
        if (period != null) {
            query.append("period", period);
        }
        if (branch != null) {
            query.append("branchId", branch);
        }
        List<AssessmentView> found = new ArrayList<>();
        Map<String, Document> people = new java.util.HashMap<>();
        for (Document doc : assessments.find(query)) {
            if (doc.getString("type") == null) {
                continue;
            }
            Document member = people.computeIfAbsent(doc.getString("memberId"), m -> members.find(eq("_id", m)).first());
            if (seesAssessment(doc, member, scope)) {
                found.add(assessmentView(doc, member == null ? null : member.getString("name")));
            }
        }
        found.sort(Comparator.comparing(AssessmentView::period).reversed()
                .thenComparing(AssessmentView::name, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(AssessmentView::id));
        return PageOf.of(found, page, size);
    }

    private static boolean seesAssessment(Document assessment, Document member, ReadScope scope) {
        return scope.all() || scope.branchId() != null && scope.branchId().equals(assessment.getString("branchId"))
                || member != null && scope.sees(member);
    }

    private static AssessmentView assessmentView(Document doc, String name) {
        List<AssessmentView.Correction> corrections = new ArrayList<>();
        Document recorded = doc.get("corrections", Document.class);
        if (recorded != null) {
            recorded.entrySet().stream().sorted(Comparator.comparingLong(e -> Long.parseLong(e.getKey()))).forEach(e -> {
                Document c = (Document) e.getValue();
                corrections.add(new AssessmentView.Correction(c.getString("previousResult"), c.getString("result"), date(c, "date"),
                        c.getString("reason")));
            });
        }
        Document scores = doc.get("scores", Document.class);
        Document votes = doc.get("votes", Document.class);
        return new AssessmentView(doc.getString("_id"), doc.getString("memberId"), name, doc.getString("branchId"), doc.getString("type"),
                doc.getString("period"), doc.getString("criteriaVersion"), date(doc, "openedOn"), doc.getString("state"),
                scores == null ? null : new LinkedHashMap<>(scores), doc.get("total") == null ? null : ((Number) doc.get("total")).intValue(),
                doc.getString("result"), votes == null ? null : new LinkedHashMap<>(votes), date(doc, "concludedOn"), doc.getString("basis"),
                corrections, sequence(doc));
    }

    /** A page of the member's timeline, oldest event first. */
    public Optional<TimelineStore.Page> timeline(String id, long from, int limit) {
        return timelines.page(id, from, limit);
    }

    private List<Document> matching(String branch, MemberStage stage, String text, ReadScope scope) {
        Document query = new Document();
        if (branch != null) {
            query.append("branchId", branch);
        }
        if (stage != null) {
            query.append("stage", stage.name());
        }
        Pattern contains = text == null || text.isEmpty() ? null
                : Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        if (contains != null) {
            query.append("name", new Document("$regex", contains.pattern()).append("$options", "i"));
        }
        List<Document> found = new ArrayList<>();
        for (Document doc : members.find(query)) {
            if (doc.getString("stage") != null && scope.sees(doc) && (contains == null || contains.matcher(doc.getString("name")).find())) {
                found.add(doc);
            }
        }
        return found;
    }

    private static MemberListItem item(Document doc) {
        return new MemberListItem(doc.getString("_id"), doc.getString("name"), Gender.valueOf(doc.getString("gender")), doc.getString("branchId"),
                MemberStage.valueOf(doc.getString("stage")), date(doc, "stageSince"), date(doc, "applicationDate"), step(doc.getString("nextStep")),
                date(doc, "nextStepDueOn"), date(doc, "probationEndsOn"), doc.getString("username"), Boolean.TRUE.equals(doc.getBoolean("leftPlatform")),
                doc.get("openTransfer", Document.class) == null ? null : doc.get("openTransfer", Document.class).getString("state"), sequence(doc));
    }

    private static MemberView view(Document doc, boolean masked, LocalDate today) {
        String idCard = doc.getString(PersonalData.ID_CARD_NUMBER);
        String phone = doc.getString(PersonalData.PHONE);
        String address = doc.getString(PersonalData.ADDRESS);
        if (masked) {
            idCard = PersonalData.maskIdCardNumber(idCard);
            phone = PersonalData.maskPhone(phone);
            address = PersonalData.maskAddress(address);
        }
        List<MemberView.StepView> steps = new ArrayList<>();
        Document recorded = doc.get("steps", Document.class);
        for (MemberStep step : MemberStep.values()) {
            Document s = recorded == null ? null : recorded.get(step.name(), Document.class);
            if (s != null) {
                steps.add(new MemberView.StepView(step, date(s, "date"), s.getString("decidingBody") == null ? null
                        : DecidingBody.valueOf(s.getString("decidingBody")), s.getString("conclusion") == null ? null
                        : PoliticalReviewConclusion.valueOf(s.getString("conclusion")), s.get("months") == null ? null
                        : ((Number) s.get("months")).intValue(), date(s, "branchMeetingDate"), date(s, "committeeApprovalDate"),
                        date(s, "probationEndsOn"), s.getString("basis")));
            }
        }
        return new MemberView(doc.getString("_id"), doc.getString("name"), Gender.valueOf(doc.getString("gender")), date(doc, "birthDate"),
                idCard, phone, address, masked, doc.getString("branchId"), doc.getString("username"), MemberStage.valueOf(doc.getString("stage")),
                date(doc, "stageSince"), date(doc, "applicationDate"), date(doc, "probationEndsOn"), Boolean.TRUE.equals(doc.getBoolean("probationExtended")),
                step(doc.getString("nextStep")), date(doc, "nextStepDueOn"), steps, Boolean.TRUE.equals(doc.getBoolean("leftPlatform")),
                transfers(doc), cadreAssessments(doc), sanctions(doc), care(doc), trainings(doc), qualification(doc, today), sequence(doc));
    }

    private static List<CareView> care(Document doc) {
        List<CareView> found = new ArrayList<>();
        Document recorded = doc.get("care", Document.class);
        if (recorded != null) {
            for (Object value : recorded.values()) {
                if (value instanceof Document c) {
                    found.add(careView(doc, c));
                }
            }
        }
        found.sort(Comparator.comparingInt(CareView::care));
        return found;
    }

    private static CareView careView(Document member, Document c) {
        return new CareView(member.getString("_id"), member.getString("name"), member.getString("branchId"), ((Number) c.get("care")).intValue(),
                c.getString("kind"), c.getString("reason"), date(c, "date"), c.getString("visitors"),
                c.getString("amount") == null ? null : new BigDecimal(c.getString("amount")), c.getString("notes"));
    }

    private static List<TrainingView> trainings(Document doc) {
        List<TrainingView> found = new ArrayList<>();
        Document recorded = doc.get("trainings", Document.class);
        if (recorded != null) {
            for (Object value : recorded.values()) {
                if (value instanceof Document t) {
                    found.add(new TrainingView(((Number) t.get("training")).intValue(), t.getString("course"), t.getString("organiser"),
                            date(t, "endedOn"), new BigDecimal(t.getString("hours"))));
                }
            }
        }
        found.sort(Comparator.comparingInt(TrainingView::training));
        return found;
    }

    private static QualificationView qualification(Document doc, LocalDate today) {
        Document q = doc.get("qualification", Document.class);
        return q == null ? null : new QualificationView(date(q, "date"), date(q, "validUntil"), new BigDecimal(q.getString("trainingHours")),
                q.getString("basis"), !date(q, "validUntil").isBefore(today));
    }

    /**
     * The care list of a year: the records of the members the caller sees (of one branch, or all), newest first, and
     * the party members of {@code elderlyAge} or older, on the platform, with none that year.
     */
    public CareListView careList(String branch, int year, ReadScope scope, LocalDate today, int elderlyAge) {
        List<CareView> records = new ArrayList<>();
        List<CareListView.Due> due = new ArrayList<>();
        for (Document doc : matching(branch, null, null, scope).stream().sorted(BY_NAME).toList()) {
            boolean caredFor = false;
            for (CareView care : care(doc)) {
                if (care.date().getYear() == year) {
                    records.add(care);
                    caredFor = true;
                }
            }
            MemberStage stage = MemberStage.valueOf(doc.getString("stage"));
            LocalDate born = date(doc, "birthDate");
            int age = born == null ? 0 : java.time.Period.between(born, today).getYears();
            if (!caredFor && year == today.getYear() && age >= elderlyAge && !Boolean.TRUE.equals(doc.getBoolean("leftPlatform"))
                    && (stage == MemberStage.FULL_MEMBER || stage == MemberStage.PROBATIONARY)) {
                due.add(new CareListView.Due(doc.getString("_id"), doc.getString("name"), doc.getString("branchId"), born, age));
            }
        }
        records.sort(Comparator.comparing(CareView::date).reversed().thenComparing(CareView::name));
        return new CareListView(year, branch, records, due);
    }

    private static List<CadreAssessmentView> cadreAssessments(Document doc) {
        Document recorded = doc.get("cadreAssessments", Document.class);
        List<CadreAssessmentView> found = new ArrayList<>();
        if (recorded != null) {
            for (Object value : recorded.values()) {
                if (value instanceof Document a) {
                    Document veto = a.get("veto", Document.class);
                    found.add(new CadreAssessmentView(((Number) a.get("assessment")).intValue(), ((Number) a.get("year")).intValue(),
                            a.getString("state"), date(a, "openedOn"), a.getString("basis"), a.getString("result"), date(a, "concludedOn"),
                            a.getString("conclusionBasis"), veto == null ? null : new CadreAssessmentView.Veto(veto.getString("sanctionId"),
                            veto.getString("sanction"), veto.getString("causingEventId"), date(veto, "date"))));
                }
            }
        }
        found.sort(Comparator.comparingInt(CadreAssessmentView::assessment));
        return found;
    }

    private static List<SanctionView> sanctions(Document doc) {
        Document recorded = doc.get("sanctions", Document.class);
        List<SanctionView> found = new ArrayList<>();
        if (recorded != null) {
            recorded.forEach((id, value) -> {
                if (value instanceof Document s) {
                    found.add(new SanctionView(id, s.getString("sanction"), date(s, "effectiveFrom"), date(s, "endedOn"), s.getString("causingEventId")));
                }
            });
        }
        found.sort(Comparator.comparing(SanctionView::effectiveFrom, Comparator.nullsLast(Comparator.naturalOrder())));
        return found;
    }

    private static List<TransferView> transfers(Document doc) {
        Document recorded = doc.get("transfers", Document.class);
        if (recorded == null) {
            return List.of();
        }
        List<TransferView> transfers = new ArrayList<>();
        for (Object value : recorded.values()) {
            if (value instanceof Document transfer) {
                transfers.add(transfer(transfer));
            }
        }
        transfers.sort(Comparator.comparingInt(TransferView::transfer));
        return transfers;
    }

    private static TransferView transfer(Document t) {
        return new TransferView(((Number) t.get("transfer")).intValue(), t.getString("fromBranchId"), t.getString("toBranchId"),
                t.getString("toOrganisation"), t.getString("state"), date(t, "initiatedOn"), date(t, "receivedOn"), date(t, "confirmedOn"),
                date(t, "cancelledOn"), t.getString("basis"), t.getString("receiptBasis"), t.getString("reason"));
    }

    private static MemberStep step(String name) {
        return name == null ? null : MemberStep.valueOf(name);
    }

    private static LocalDate date(Document doc, String field) {
        String day = doc.getString(field);
        return day == null ? null : LocalDate.parse(day);
    }

    private static long sequence(Document doc) {
        return ((Number) doc.get("sequence")).longValue();
    }
}
