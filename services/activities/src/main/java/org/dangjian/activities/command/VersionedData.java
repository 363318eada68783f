package org.dangjian.activities.command;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rules kept as versioned data (the "三会一课" compliance rules): read from JSON, each version taking effect on its day,
 * the one in effect on a day being the latest that took effect by then. (The members service keeps its points rules
 * the same way; services share no code, so this is the activities service's own.)
 */
final class VersionedData {

    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private VersionedData() {
    }

    static <T> T read(InputStream json, Class<T> type) throws IOException {
        return JSON.readValue(json, type);
    }

    /** The versions ordered by the day they take effect. */
    static <V> List<V> ordered(List<V> versions, Function<V, LocalDate> effectiveFrom) {
        return versions.stream().sorted(Comparator.comparing(effectiveFrom)).toList();
    }

    /** The version in effect on {@code day} among {@code ordered} versions, if one took effect by then. */
    static <V> Optional<V> inEffect(List<V> ordered, LocalDate day, Function<V, LocalDate> effectiveFrom) {
        V found = null;
        for (V version : ordered) {
            if (!effectiveFrom.apply(version).isAfter(day)) {
                found = version;
            }
        }
        return Optional.ofNullable(found);
    }
}
