package org.dangjian.contracts.organisation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An item (条目) of a work plan, numbered as written.
 *
 * @param position its place in the whole plan, 1.. in reading order: the item's key
 * @param no its number as written (may repeat or skip)
 * @param title its first sentence
 * @param text its full text
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanItem(int position, String no, String title, String text) {
}
