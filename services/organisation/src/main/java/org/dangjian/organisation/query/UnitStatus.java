package org.dangjian.organisation.query;

/** Whether a unit stands or has been dissolved (the {@code status} of the read model's units). */
public enum UnitStatus {
    /** 存续: established and not dissolved. */
    ACTIVE,
    /** 已撤销: dissolved; it stays in the tree's history. */
    DISSOLVED
}
