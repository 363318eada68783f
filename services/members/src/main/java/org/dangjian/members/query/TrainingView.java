package org.dangjian.members.query;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A training (培训记录) in a member's file. */
public record TrainingView(int training, String course, String organiser, LocalDate endedOn, BigDecimal hours) {
}
