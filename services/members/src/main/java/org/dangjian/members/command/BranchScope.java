package org.dangjian.members.command;

/**
 * Which members a caller's commands may touch: every member (party committee staff), or those of one branch (a branch
 * secretary: his token's {@code org}). A member outside it does not exist for him ({@code MEMBER_NOT_FOUND}), so
 * nothing about it leaks, not even that it exists.
 *
 * @param branchId the branch, or null for every member; a secretary without a branch has {@code ""}, which covers none
 */
public record BranchScope(String branchId) {

    /** Every member. */
    public static final BranchScope ALL = new BranchScope(null);

    /** One branch's members; none when {@code branchId} is null (a secretary's token without an {@code org}). */
    public static BranchScope branch(String branchId) {
        return new BranchScope(branchId == null ? "" : branchId);
    }

    public boolean covers(String branch) {
        return branchId == null || branchId.equals(branch);
    }
}
