package org.dangjian.organisation.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The seed plan, {@code ../shared/domain/2022-work-plan.zh.txt} beside the repository, found from the module upwards. */
public final class SeedPlan {

    static final String FILE = "2022-work-plan.zh.txt";

    private SeedPlan() {
    }

    public static Path path() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/domain").resolve(FILE).normalize();
            if (Files.isDirectory(dir.resolve("services")) && Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("../shared/domain/" + FILE + " is not beside the repository");
    }

    public static String text() {
        try {
            return Files.readString(path(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seed plan " + FILE, e);
        }
    }
}
