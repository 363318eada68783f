package org.dangjian.members.query;

import org.bson.Document;
import org.dangjian.runtime.security.Caller;
import org.dangjian.runtime.security.Roles;

/**
 * Which members a caller reads, and whose personal data (ID-card number, phone, address) he reads unmasked: party
 * committee staff all of both; auditors and discipline inspectors every member, masked; a branch secretary his own
 * branch's members ({@code branchId}, his token's {@code org}), unmasked; a party member his own record ({@code
 * username}, his token's {@code preferred_username}), unmasked; while a member's transfer is open, the secretaries of
 * both the sending and the receiving branch read him. A caller with several roles reads what any of them
 * allows.
 *
 * @param all                every member
 * @param personalDataOfAll  every member's personal data unmasked
 * @param branchId           a branch whose members he reads unmasked, or null
 * @param username           the login name whose record he reads unmasked, or null
 */
public record ReadScope(boolean all, boolean personalDataOfAll, String branchId, String username) {

    /** What the caller reads, from his token's roles, {@code org} and {@code preferred_username}. */
    public static ReadScope of(Caller caller) {
        return new ReadScope(caller.readsEverything(Roles.COMMITTEE_STAFF, Roles.AUDITOR, Roles.DISCIPLINE_INSPECTOR),
                caller.has(Roles.COMMITTEE_STAFF), caller.secretaryBranch(), caller.memberUsername());
    }

    /** Whether he reads this member at all. */
    public boolean sees(Document member) {
        return all || own(member);
    }

    /** Whether he reads this member's personal data unmasked. */
    public boolean seesPersonalData(Document member) {
        return personalDataOfAll || own(member);
    }

    private boolean own(Document member) {
        return branchId != null && (branchId.equals(member.getString("branchId")) || transferInvolves(member))
                || username != null && username.equals(member.getString("username"));
    }

    /** While a transfer is open, both the sending and the receiving branch read the member. */
    private boolean transferInvolves(Document member) {
        Document open = member.get("openTransfer", Document.class);
        return open != null && (branchId.equals(open.getString("fromBranchId")) || branchId.equals(open.getString("toBranchId")));
    }
}
