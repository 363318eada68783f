package org.dangjian.runtime.security;

/**
 * Which branches' records a caller's commands may touch: every branch (party committee staff), or one (a branch
 * secretary: his token's {@code org}). A record of another branch does not exist for him (the service's
 * {@code ..._NOT_FOUND}), so nothing about it leaks, not even that it exists.
 *
 * @param branchId the branch, or null for every branch; a secretary without a branch has {@code ""}, which covers none
 */
public record BranchScope(String branchId) {

    /** Every branch. */
    public static final BranchScope ALL = new BranchScope(null);

    /** One branch; none when {@code branchId} is null (a secretary's token without an {@code org}). */
    public static BranchScope branch(String branchId) {
        return new BranchScope(branchId == null ? "" : branchId);
    }

    public boolean covers(String branch) {
        return branchId == null || branchId.equals(branch);
    }
}
