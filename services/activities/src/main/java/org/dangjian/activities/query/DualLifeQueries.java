package org.dangjian.activities.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.dangjian.runtime.platform.MemberDirectoryReadModel;
import org.dangjian.runtime.platform.OrganisationUnitsReadModel;
import org.springframework.stereotype.Component;

/**
 * Answers the dual organisational life queries within the caller's scope: committee staff, auditors and discipline
 * inspectors read every record; a branch secretary those in his branch (cadres taking part in its organisational life)
 * and those of his branch's members (cadres of his branch taking part elsewhere); a party member his own.
 */
@Component
public class DualLifeQueries {

    private final DualLifeReadModel records;
    private final MemberDirectoryReadModel directory;
    private final OrganisationUnitsReadModel branches;

    public DualLifeQueries(DualLifeReadModel records, MemberDirectoryReadModel directory, OrganisationUnitsReadModel branches) {
        this.records = records;
        this.directory = directory;
        this.branches = branches;
    }

    /** The records of a branch (taking part there), of a member, or all, the caller sees; active ones only when asked. */
    public List<DualLifeView> list(String branchId, String memberId, Boolean active, ReadScope scope) {
        List<DualLifeReadModel.Assignment> found = records.assignments(branchId, memberId);
        Map<String, MemberDirectoryReadModel.Member> members = directory.members(found.stream().map(DualLifeReadModel.Assignment::memberId)
                .collect(Collectors.toSet()));
        Map<String, String> names = new HashMap<>();
        return found.stream()
                .filter(assignment -> active == null || assignment.active() == active)
                .filter(assignment -> sees(scope, assignment, members.get(assignment.memberId())))
                .map(assignment -> view(assignment, members.get(assignment.memberId()), names))
                .toList();
    }

    /** One record, if it exists and the caller sees it. */
    public Optional<DualLifeView> record(String id, ReadScope scope) {
        return records.assignment(id).flatMap(assignment -> {
            MemberDirectoryReadModel.Member member = directory.members(Set.of(assignment.memberId())).get(assignment.memberId());
            return sees(scope, assignment, member) ? Optional.of(view(assignment, member, new HashMap<>())) : Optional.empty();
        });
    }

    /** Whether the record exists and the caller sees it (for scope checks before and after waiting). */
    public boolean visible(String id, ReadScope scope) {
        return record(id, scope).isPresent();
    }

    private static boolean sees(ReadScope scope, DualLifeReadModel.Assignment assignment, MemberDirectoryReadModel.Member member) {
        return scope.seesBranch(assignment.branchId()) || scope.seesMember(member);
    }

    private DualLifeView view(DualLifeReadModel.Assignment assignment, MemberDirectoryReadModel.Member member, Map<String, String> names) {
        String home = member == null ? null : member.branchId();
        return new DualLifeView(assignment.id(), assignment.memberId(), member == null ? null : member.name(), home,
                home == null ? null : name(home, names), assignment.branchId(), name(assignment.branchId(), names), assignment.active(),
                assignment.since(), assignment.until(), assignment.position(), assignment.basis(), assignment.endReason(), assignment.periods(),
                assignment.sequence());
    }

    private String name(String branchId, Map<String, String> names) {
        return names.computeIfAbsent(branchId, id -> branches.unit(id).map(OrganisationUnitsReadModel.Unit::name).orElse(null));
    }
}
