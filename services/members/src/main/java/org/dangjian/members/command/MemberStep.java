package org.dangjian.members.command;

/** A step on the way into the party (发展党员的步骤), each recorded by its own event. */
public enum MemberStep {
    /** 入党申请. */
    APPLICATION,
    /** 确定为入党积极分子. */
    ACTIVIST,
    /** 确定为发展对象. */
    DEVELOPMENT_OBJECT,
    /** 政治审查. */
    POLITICAL_REVIEW,
    /** 接收为预备党员. */
    ADMISSION,
    /** 转为正式党员. */
    FULL_MEMBERSHIP,
    /** 延长预备期. */
    PROBATION_EXTENSION,
    /** 取消预备党员资格. */
    PROBATION_CANCELLATION;

    /** The step's Chinese name, for messages. */
    public String chinese() {
        return switch (this) {
            case APPLICATION -> "入党申请";
            case ACTIVIST -> "确定为入党积极分子";
            case DEVELOPMENT_OBJECT -> "确定为发展对象";
            case POLITICAL_REVIEW -> "政治审查";
            case ADMISSION -> "接收为预备党员";
            case FULL_MEMBERSHIP -> "转为正式党员";
            case PROBATION_EXTENSION -> "延长预备期";
            case PROBATION_CANCELLATION -> "取消预备党员资格";
        };
    }
}
