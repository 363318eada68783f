package org.dangjian.organisation.command;

import static org.dangjian.contracts.organisation.OrganisationUnitKind.BRANCH;
import static org.dangjian.contracts.organisation.OrganisationUnitKind.COMMITTEE;
import static org.dangjian.contracts.organisation.OrganisationUnitKind.GENERAL_BRANCH;
import static org.dangjian.contracts.organisation.OrganisationUnitKind.MASS_ORGANISATION;
import static org.dangjian.contracts.organisation.OrganisationUnitKind.PARTY_GROUP;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.dangjian.contracts.organisation.MassOrganisationType;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.text.TextRules;

/**
 * Which unit may stand under which (组织隶属关系): a committee (党委) heads the tree; under it general branches
 * (党总支), branches (党支部) and mass organisations (群团组织); under a general branch, branches; under a branch,
 * party groups (党小组). Party groups and mass organisations have no subordinate units.
 */
public final class OrganisationStructure {

    private static final Map<OrganisationUnitKind, Set<OrganisationUnitKind>> ALLOWED_UNDER = Map.of(
            COMMITTEE, EnumSet.of(GENERAL_BRANCH, BRANCH, MASS_ORGANISATION),
            GENERAL_BRANCH, EnumSet.of(BRANCH),
            BRANCH, EnumSet.of(PARTY_GROUP),
            PARTY_GROUP, EnumSet.noneOf(OrganisationUnitKind.class),
            MASS_ORGANISATION, EnumSet.noneOf(OrganisationUnitKind.class));

    private OrganisationStructure() {
    }

    /** What the parent knows of itself when a unit is established under it. */
    public record Parent(OrganisationUnitId id, OrganisationUnitKind kind, boolean dissolved) {
    }

    /** Refuses a unit whose own fields do not fit together; {@code hasParent}: whether it names a parent. */
    public static void checkOwnFields(OrganisationUnitKind kind, MassOrganisationType massType, boolean hasParent) {
        if (kind == MASS_ORGANISATION && massType == null) {
            throw RuleViolation.invalid("MASS_ORGANISATION_TYPE_REQUIRED",
                    "A mass organisation needs its type: trade union, youth league or women's federation");
        }
        if (kind != MASS_ORGANISATION && massType != null) {
            throw RuleViolation.invalid("MASS_ORGANISATION_TYPE_NOT_APPLICABLE", "Only a mass organisation has a mass organisation type");
        }
        if (!hasParent && kind != COMMITTEE) {
            throw RuleViolation.invalid("PARENT_REQUIRED", "Only a committee stands at the top of the tree; a {1} needs a parent unit",
                    chinese(kind), english(kind));
        }
    }

    /** Refuses a subordinate of that kind under the parent as it stands; returns normally when it fits. */
    public static void checkSubordinate(Parent parent, OrganisationUnitKind kind) {
        if (parent.dissolved()) {
            throw RuleViolation.conflict("PARENT_DISSOLVED", "The parent unit {0} is dissolved and takes no new units", parent.id().value());
        }
        if (!ALLOWED_UNDER.get(parent.kind()).contains(kind)) {
            throw RuleViolation.invalid("KIND_NOT_ALLOWED_UNDER_PARENT", "A {2} cannot stand under a {3}",
                    chinese(kind), chinese(parent.kind()), english(kind), english(parent.kind()));
        }
    }

    /**
     * A unit's name: 1 to 100 characters (code points), held to the platform's text rule for names
     * ({@link TextRules}) whichever way the command came (the web layer checks it first, with field-level messages).
     */
    public static String checkName(String name) {
        String trimmed = name == null ? "" : TextRules.normalise(name.strip());
        if (trimmed.isEmpty() || TextRules.length(trimmed) > 100 || TextRules.check(trimmed, TextRules.Kind.NAME) != null) {
            throw RuleViolation.invalid("INVALID_NAME", "A unit's name has 1 to 100 characters, with a letter or digit and "
                    + "no control or invisible characters");
        }
        return trimmed;
    }

    /** The kind's Chinese name, for messages. */
    static String chinese(OrganisationUnitKind kind) {
        return switch (kind) {
            case COMMITTEE -> "党委";
            case GENERAL_BRANCH -> "党总支";
            case BRANCH -> "党支部";
            case PARTY_GROUP -> "党小组";
            case MASS_ORGANISATION -> "群团组织";
        };
    }

    /** The kind's English name, for messages. */
    static String english(OrganisationUnitKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
