package org.dangjian.runtime.eventstore;

/**
 * The deadline of the command the current thread runs, set by the command dispatcher. The store refuses to append
 * once it has passed: by then the command's idempotency claim may have been taken over by a retry, and appending
 * anyway could apply the command twice.
 */
public final class CommandDeadline {

    private static final ThreadLocal<Long> DEADLINE_NANOS = new ThreadLocal<>();

    private CommandDeadline() {
    }

    /** Runs {@code work} with a deadline {@code nanos} from now (monotonic clock); refuses at once when none is left. */
    public static <T> T within(long nanos, java.util.function.Supplier<T> work) {
        if (nanos <= 0) {
            throw new DeadlineExceededException();
        }
        Long previous = DEADLINE_NANOS.get();
        DEADLINE_NANOS.set(System.nanoTime() + nanos);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                DEADLINE_NANOS.remove();
            } else {
                DEADLINE_NANOS.set(previous);
            }
        }
    }

    /** Refuses when the current command's deadline has passed; does nothing outside a command with a deadline. */
    static void check() {
        Long deadline = DEADLINE_NANOS.get();
        if (deadline != null && System.nanoTime() - deadline > 0) {
            throw new DeadlineExceededException();
        }
    }

    /** The command ran past its deadline; nothing was stored. */
    public static final class DeadlineExceededException extends RuntimeException {

        DeadlineExceededException() {
            super("The command ran past its deadline; nothing was stored", null, false, false);
        }
    }
}
