package org.dangjian.contracts.members;

/** 性别: a person's gender as the ID card records it. */
public enum Gender {
    /** 男. */
    MALE,
    /** 女. */
    FEMALE
}
