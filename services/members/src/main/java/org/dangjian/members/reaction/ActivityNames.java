package org.dangjian.members.reaction;

import org.dangjian.contracts.activities.ActivityKind;
import org.dangjian.contracts.activities.VolunteerServiceKind;

/** The Chinese names of the activities' kinds, for the reasons of ledger entries. */
final class ActivityNames {

    private ActivityNames() {
    }

    static String chinese(ActivityKind kind) {
        return switch (kind) {
            case BRANCH_GENERAL_MEETING -> "支部党员大会";
            case BRANCH_COMMITTEE_MEETING -> "支部委员会";
            case PARTY_GROUP_MEETING -> "党小组会";
            case PARTY_LESSON -> "党课";
            case THEME_PARTY_DAY -> "主题党日";
            case ORGANISATIONAL_LIFE_MEETING -> "组织生活会";
            case DEMOCRATIC_LIFE_MEETING -> "民主生活会";
            case HEART_TO_HEART_TALK -> "谈心谈话";
        };
    }

    static String chinese(VolunteerServiceKind kind) {
        return switch (kind) {
            case HOME_VISIT -> "上门服务";
            case EXTENDED_HOURS -> "延时服务";
            case ERRAND -> "帮代办服务";
            case CIVILITY_PERSUASION -> "文明劝导";
        };
    }
}
