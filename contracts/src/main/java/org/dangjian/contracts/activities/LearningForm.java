package org.dangjian.contracts.activities;

/** How a learning and education record (学习教育) was held. */
public enum LearningForm {
    /** 集中学习: studied together. */
    CENTRALISED_STUDY,
    /** 专题研讨: a seminar on a topic. */
    THEMATIC_SEMINAR,
    /** 线上学习: learning online. */
    ONLINE_LEARNING,
    /** 读书班: a reading class. */
    READING_CLASS
}
