package org.dangjian.launcher;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the demo loaders' independent pieces (one member's way, one activity's steps: each its own record) a few at a
 * time, as several users at once would: the services answer them in parallel, so the first start is ready sooner. The
 * first failure stops the load with its own exception.
 */
final class DemoLoad {

    /** At most this many requests at once: the services' commands, not the loader, are the limit on two cores. */
    static final int PARALLEL = 4;

    /** A piece of a demo load. */
    interface Task {
        void run() throws IOException, InterruptedException;
    }

    private DemoLoad() {
    }

    static void inParallel(List<Task> tasks) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, runnable -> {
            Thread thread = new Thread(runnable, "demo-load");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (Task task : tasks) {
                running.add(pool.submit(() -> {
                    task.run();
                    return null;
                }));
            }
            for (Future<Void> future : running) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    running.forEach(f -> f.cancel(true));
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
