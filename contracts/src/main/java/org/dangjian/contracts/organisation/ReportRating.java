package org.dangjian.contracts.organisation;

/** A rating of a secretary's report in 双述双评 (述职评议 rating). */
public enum ReportRating {
    /** 好 */
    EXCELLENT,
    /** 较好 */
    GOOD,
    /** 一般 */
    FAIR,
    /** 差 */
    POOR
}
