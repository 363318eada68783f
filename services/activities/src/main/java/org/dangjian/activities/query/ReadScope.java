package org.dangjian.activities.query;

import org.dangjian.runtime.security.Caller;
import org.dangjian.runtime.security.Roles;

import org.dangjian.runtime.platform.MemberDirectoryReadModel;

/**
 * What a caller reads: party committee staff, auditors and discipline inspectors every branch's activities and every
 * member's participation; a branch secretary his own branch's activities ({@code branchId}, his token's {@code org})
 * and the participation of its members; a party member his own participation ({@code username}, his token's {@code
 * preferred_username}, the login name the members service linked to his record). Several roles read what any allows.
 *
 * @param all      every branch and member
 * @param branchId a branch whose activities and members he reads, or null
 * @param username the login name whose participation he reads, or null
 */
public record ReadScope(boolean all, String branchId, String username) {

    /** What the caller reads, from his token's roles, {@code org} and {@code preferred_username}. */
    public static ReadScope of(Caller caller) {
        return new ReadScope(caller.readsEverything(Roles.COMMITTEE_STAFF, Roles.AUDITOR, Roles.DISCIPLINE_INSPECTOR), caller.secretaryBranch(),
                caller.memberUsername());
    }

    /** Whether he reads this branch's activities. */
    public boolean seesBranch(String branch) {
        return all || branchId != null && branchId.equals(branch);
    }

    /** Whether he reads this member's participation. */
    public boolean seesMember(MemberDirectoryReadModel.Member member) {
        return all || member != null && (branchId != null && branchId.equals(member.branchId())
                || username != null && username.equals(member.username()));
    }
}
