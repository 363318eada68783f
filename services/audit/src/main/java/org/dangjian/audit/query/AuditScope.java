package org.dangjian.audit.query;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.dangjian.runtime.platform.MemberDirectoryReadModel;
import org.dangjian.runtime.security.Caller;
import org.dangjian.runtime.security.Roles;

/**
 * What a caller may read of the witnessed record (7. Access): auditors and discipline inspectors everything; committee
 * staff everything but the discipline content (the restricted topic); a branch secretary what names his branch (an
 * event, or any event of a stream that does); a party member what names him; nobody else anything.
 *
 * @param everything  reads restricted content too
 * @param open        reads every open (not restricted) record
 * @param unit        reads what names this unit (a secretary's branch), else null
 * @param member      reads what names this member (a party member's own record), else null
 */
public record AuditScope(boolean everything, boolean open, String unit, String member) {

    public static AuditScope of(Caller caller, MemberDirectoryReadModel directory) {
        if (caller.has(Roles.AUDITOR) || caller.has(Roles.DISCIPLINE_INSPECTOR)) {
            return new AuditScope(true, true, null, null);
        }
        if (caller.has(Roles.COMMITTEE_STAFF)) {
            return new AuditScope(false, true, null, null);
        }
        String unit = caller.secretaryBranch();
        String member = caller.memberUsername() == null ? null
                : directory.byUsername(caller.memberUsername()).map(MemberDirectoryReadModel.Member::id).orElse(null);
        return new AuditScope(false, false, unit, member);
    }

    public boolean readsNothing() {
        return !open && unit == null && member == null;
    }

    /** Whether the stream (its ledger document) may be read. */
    public boolean sees(Document stream) {
        if (everything) {
            return true;
        }
        if (Boolean.TRUE.equals(stream.getBoolean("restricted"))) {
            return false;
        }
        if (open) {
            return true;
        }
        return unit != null && stream.getList("units", String.class, List.of()).contains(unit)
                || member != null && stream.getList("members", String.class, List.of()).contains(member);
    }

    /** The filter of the subjects this caller may read (by the unit and member each names). */
    public Bson subjectFilter() {
        return filter("unitId", "memberId");
    }

    /** The filter of the streams this caller may read (by the units and members their events name). */
    public Bson streamFilter() {
        return filter("units", "members");
    }

    /** Everything; or all that is open; or what is open and names his unit or him (a field equal to, or a list holding, it). */
    private Bson filter(String unitField, String memberField) {
        if (everything) {
            return new Document();
        }
        Bson open = eq("restricted", false);
        if (this.open) {
            return open;
        }
        List<Bson> mine = new java.util.ArrayList<>();
        if (unit != null) {
            mine.add(eq(unitField, unit));
        }
        if (member != null) {
            mine.add(eq(memberField, member));
        }
        if (mine.isEmpty()) {
            return eq("_id", "\u0000nothing");
        }
        return and(open, mine.size() == 1 ? mine.get(0) : or(mine));
    }
}
