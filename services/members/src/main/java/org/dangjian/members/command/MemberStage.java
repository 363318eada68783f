package org.dangjian.members.command;

/** Where a member stands on the way into the party (发展党员的阶段), in the order of the way. */
public enum MemberStage {
    /** 入党申请人: has applied. */
    APPLICANT,
    /** 入党积极分子: designated an activist by the branch committee. */
    ACTIVIST,
    /** 发展对象: designated a development object by the branch committee (and, after a review not passed, still). */
    DEVELOPMENT_OBJECT,
    /** 政治审查合格: the political review passed; admission may follow. */
    POLITICALLY_REVIEWED,
    /** 预备党员: admitted by the branch general meeting, approved by the committee; on probation. */
    PROBATIONARY,
    /** 正式党员: a full member. */
    FULL_MEMBER,
    /** 已取消预备党员资格: the probationary membership was cancelled; the record ends here. */
    PROBATION_CANCELLED;

    /** The stage's Chinese name, for messages. */
    public String chinese() {
        return switch (this) {
            case APPLICANT -> "入党申请人";
            case ACTIVIST -> "入党积极分子";
            case DEVELOPMENT_OBJECT -> "发展对象";
            case POLITICALLY_REVIEWED -> "政治审查合格";
            case PROBATIONARY -> "预备党员";
            case FULL_MEMBER -> "正式党员";
            case PROBATION_CANCELLED -> "已取消预备党员资格";
        };
    }

    /** Whether no step follows. */
    public boolean isFinal() {
        return this == FULL_MEMBER || this == PROBATION_CANCELLED;
    }
}
