package org.dangjian.audit.query;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
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
        if (everything) {
            return new Document();
        }
        Bson open = eq("restricted", false);
        if (this.open) {
            return open;
        }
        if (unit != null && member != null) {
            return and(open, or(eq("unitId", unit), eq("memberId", member)));
        }
        if (unit != null) {
            return and(open, eq("unitId", unit));
        }
        if (member != null) {
            return and(open, eq("memberId", member));
        }
        return eq("_id", "\u0000nothing");
    }

    /** The filter of the streams (or subjects by {@code field} names) this caller may read. */
    public Bson streamFilter() {
        if (everything) {
            return new Document();
        }
        Bson open = eq("restricted", false);
        if (this.open) {
            return open;
        }
        if (unit != null && member != null) {
            return and(open, or(in("units", unit), in("members", member)));
        }
        if (unit != null) {
            return and(open, in("units", unit));
        }
        if (member != null) {
            return and(open, in("members", member));
        }
        return eq("_id", "\u0000nothing");
    }
}
