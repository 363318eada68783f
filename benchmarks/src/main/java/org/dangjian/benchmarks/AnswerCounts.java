package org.dangjian.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The answers that were not the expected one, counted (never retried silently): 429 from the gateway's rate limit
 * and 503 (a query's {@code READ_MODEL_BEHIND}, a command's deadline or an unavailable service), both retried after
 * their {@code Retry-After}, and anything else, which is not retried.
 */
final class AnswerCounts {

    /** The first few errors of each kind are kept to be shown. */
    private static final int KEPT_PER_KIND = 3;

    final LongAdder commands429 = new LongAdder();
    final LongAdder reads429 = new LongAdder();
    final LongAdder commands503 = new LongAdder();
    final LongAdder reads503 = new LongAdder();
    final LongAdder errors = new LongAdder();
    private final Map<String, List<String>> firstErrors = new LinkedHashMap<>();

    /** Counts an error; keeps its description when it is one of the first few of its kind (e.g. its status). */
    void error(String kind, String what) {
        errors.increment();
        synchronized (firstErrors) {
            List<String> kept = firstErrors.computeIfAbsent(kind, k -> new ArrayList<>());
            if (kept.size() < KEPT_PER_KIND) {
                kept.add(what);
                System.err.println("unexpected answer: " + what);
            }
        }
    }

    long tooManyRequests() {
        return commands429.sum() + reads429.sum();
    }

    long unavailable() {
        return commands503.sum() + reads503.sum();
    }

    List<String> firstErrors() {
        synchronized (firstErrors) {
            return firstErrors.values().stream().flatMap(List::stream).toList();
        }
    }

    /** "total (commands / reads)". */
    static String split(LongAdder commands, LongAdder reads) {
        return String.format("%d (%d / %d)", commands.sum() + reads.sum(), commands.sum(), reads.sum());
    }

    static AnswerCounts sum(List<AnswerCounts> parts) {
        AnswerCounts all = new AnswerCounts();
        for (AnswerCounts part : parts) {
            all.commands429.add(part.commands429.sum());
            all.reads429.add(part.reads429.sum());
            all.commands503.add(part.commands503.sum());
            all.reads503.add(part.reads503.sum());
            all.errors.add(part.errors.sum());
            synchronized (part.firstErrors) {
                part.firstErrors.forEach((kind, kept) -> kept.forEach(what -> {
                    List<String> into = all.firstErrors.computeIfAbsent(kind, k -> new ArrayList<>());
                    if (into.size() < KEPT_PER_KIND) {
                        into.add(what);
                    }
                }));
            }
        }
        return all;
    }

    /** As the results tables show them: 429 and 503 as "total (commands / reads)", then the other errors. */
    List<String> columns() {
        List<String> columns = new ArrayList<>();
        columns.add(split(commands429, reads429));
        columns.add(split(commands503, reads503));
        columns.add(Long.toString(errors.sum()));
        return columns;
    }
}
