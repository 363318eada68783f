package org.dangjian.activities.query;

import java.util.List;

/**
 * A leading cadre's dual organisational life (双重组织生活) in a branch besides his own: the cadre (name and own branch
 * as the members service published them), the branch, whether it applies now, the current or last period and every
 * period.
 */
public record DualLifeView(String id, String memberId, String memberName, String homeBranchId, String homeBranchName, String branchId,
                           String branchName, boolean active, String since, String until, String position, String basis, String endReason,
                           List<DualLifeReadModel.Period> periods, long sequence) {
}
