package org.dangjian.runtime.security;

/**
 * The platform's roles (角色), as the identity provider puts them in the token's {@code roles} claim. Spring
 * Security sees each as an authority {@code ROLE_<name>}.
 */
public final class Roles {

    /** 党委工作人员: party committee staff. */
    public static final String COMMITTEE_STAFF = "COMMITTEE_STAFF";
    /** 支部书记: branch secretary. */
    public static final String BRANCH_SECRETARY = "BRANCH_SECRETARY";
    /** 党员: party member. */
    public static final String PARTY_MEMBER = "PARTY_MEMBER";
    /** 纪检干部: discipline inspector. */
    public static final String DISCIPLINE_INSPECTOR = "DISCIPLINE_INSPECTOR";
    /** 审计/巡察: auditor, reads everything and changes nothing. */
    public static final String AUDITOR = "AUDITOR";
    /** 其他部门: another department subscribing to published events. */
    public static final String DEPARTMENT = "DEPARTMENT";
    /** 平台运维: runs the platform (read-model rebuilds, verification). */
    public static final String PLATFORM_OPERATOR = "PLATFORM_OPERATOR";

    /** Every role, in the order above. */
    public static final java.util.List<String> ALL = java.util.List.of(COMMITTEE_STAFF, BRANCH_SECRETARY, PARTY_MEMBER,
            DISCIPLINE_INSPECTOR, AUDITOR, DEPARTMENT, PLATFORM_OPERATOR);

    /** The access rule of an endpoint that any signed-in role may use ({@code @PreAuthorize(Roles.SIGNED_IN)}). */
    public static final String SIGNED_IN = "isAuthenticated()";

    private Roles() {
    }
}
