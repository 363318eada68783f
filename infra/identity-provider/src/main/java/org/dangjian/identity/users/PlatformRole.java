package org.dangjian.identity.users;

/**
 * A role (角色) of the platform, as carried in the {@code roles} claim of every token. The names are the
 * published contract between the identity provider, the gateway and the services.
 */
public enum PlatformRole {

    /** 党委工作人员: run the organisation tree, annual plan, responsibility lists, elections. */
    COMMITTEE_STAFF("党委工作人员", "Party committee staff"),
    /** 支部书记: runs a branch. */
    BRANCH_SECRETARY("支部书记", "Branch secretary"),
    /** 党员: sees own record. */
    PARTY_MEMBER("党员", "Party member"),
    /** 纪检干部: inspections, talks, sanctions; sees sensitive cases. */
    DISCIPLINE_INSPECTOR("纪检干部", "Discipline inspector"),
    /** 审计/巡察: read-only, any time. */
    AUDITOR("审计/巡察", "Auditor"),
    /** 平台运维: runs the platform itself. */
    PLATFORM_OPERATOR("平台运维", "Platform operator"),
    /** 其他部门: another department (HR, organisation department, discipline commission) reading published events. */
    DEPARTMENT("其他部门", "Another department");

    private final String chineseName;
    private final String englishName;

    PlatformRole(String chineseName, String englishName) {
        this.chineseName = chineseName;
        this.englishName = englishName;
    }

    public String chineseName() {
        return chineseName;
    }

    public String englishName() {
        return englishName;
    }
}
