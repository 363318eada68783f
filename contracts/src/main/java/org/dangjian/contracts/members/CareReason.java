package org.dangjian.contracts.members;

/** Why a member is cared for (关怀对象). */
public enum CareReason {
    /** 老党员: elderly. */
    ELDERLY,
    /** 患病: sick. */
    SICK,
    /** 生活困难: in hardship. */
    HARDSHIP,
    /** 其他. */
    OTHER
}
