package org.dangjian.contracts.organisation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A section (部分) of a work plan with its items.
 *
 * @param position its place, 1..
 * @param no its number as written (一, 二 ...)
 * @param title its heading
 * @param intro a paragraph before its first item, when there is one
 * @param items its items in reading order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanSection(int position, String no, String title, String intro, List<PlanItem> items) {
}
