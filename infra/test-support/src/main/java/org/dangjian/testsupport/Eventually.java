package org.dangjian.testsupport;

import java.time.Duration;

/** Retries an assertion until it holds or a deadline passes (for what background threads, consumers and other processes do). */
public final class Eventually {

    private Eventually() {
    }

    public static void that(Runnable assertion) {
        that(Duration.ofSeconds(15), assertion);
    }

    public static void that(Duration within, Runnable assertion) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
