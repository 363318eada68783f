package org.dangjian.runtime.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as every service answers a paged list query:
 * {@code {"items": [...], "page": 0, "size": 50, "total": 1234}}.
 *
 * @param items the page's items, in the list's order (at most {@code size}; empty past the end)
 * @param page  the page asked for, from 0
 * @param size  the page size asked for
 * @param total how many items the whole list holds (all pages, the same filters)
 */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public PageOf {
        items = List.copyOf(items);
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be at least 0 and size at least 1: " + page + ", " + size);
        }
    }

    /** The page {@code page} of size {@code size} out of the whole list {@code all} (already in order). */
    public static <T> PageOf<T> of(List<T> all, int page, int size) {
        long from = (long) page * size;
        List<T> items = from >= all.size() ? List.of() : all.subList((int) from, (int) Math.min(all.size(), from + size));
        return new PageOf<>(items, page, size, all.size());
    }

    /** The same page with its items turned into others (one list at once, so a conversion may read in bulk). */
    public <R> PageOf<R> map(Function<List<T>, List<R>> convert) {
        return new PageOf<>(convert.apply(items), page, size, total);
    }
}
