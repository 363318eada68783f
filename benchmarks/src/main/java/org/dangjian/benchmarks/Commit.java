package org.dangjian.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The checkout's commit, for results file names: the short hash, {@code -dirty} when tracked files changed. */
final class Commit {

    private Commit() {
    }

    static String current() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String sha = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (git.waitFor() != 0) {
                return "unknown";
            }
            Process status = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no").redirectErrorStream(true).start();
            boolean dirty = !new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8).isBlank();
            status.waitFor();
            return dirty ? sha + "-dirty" : sha;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
