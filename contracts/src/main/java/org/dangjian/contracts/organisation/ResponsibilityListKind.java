package org.dangjian.contracts.organisation;

/** The two lists of the responsibility system (党建工作责任制). */
public enum ResponsibilityListKind {
    /** 责任清单: duties, each a standing responsibility */
    RESPONSIBILITY,
    /** 任务清单: tasks, each with an owner, a deadline and progress (WorkTaskAssigned naming the list) */
    TASK
}
