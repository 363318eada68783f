package org.dangjian.contracts.activities;

/** The kinds of volunteer service (志愿服务) the centre records. */
public enum VolunteerServiceKind {
    /** 上门服务: service at a person's home. */
    HOME_VISIT,
    /** 延时服务: service after hours. */
    EXTENDED_HOURS,
    /** 帮代办服务: doing an errand for or with a person. */
    ERRAND,
    /** 文明劝导: civility persuasion. */
    CIVILITY_PERSUASION
}
