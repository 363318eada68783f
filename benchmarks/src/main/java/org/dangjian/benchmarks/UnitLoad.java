package org.dangjian.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent clients sending commands as committee staff do in the web client, each answer followed by reading the new
 * record with {@code minSequence} until it shows. By default ({@link #BRANCHES}) each first establishes a committee
 * of its own (not measured), then branches under it, one after the other: a branch's establishment stores two events
 * (the branch's, and its committee's record of it); the clients never touch the same committee, so they never
 * conflict. {@link #applications} measures the members service's first command instead.
 */
final class UnitLoad {

    /** A unit whose command was answered: the sequence its read must reach. */
    record Unit(String id, long sequence) {
    }

    /**
     * What a load measured.
     *
     * @param commands      from sending each command to its answer (including waits after 429 or 503), over the run
     * @param answerToShown from the answer to the read that shows the unit
     * @param sendToShown   from sending the command to the read that shows the unit
     * @param counts        429, 503 and other answers
     * @param answered      every unit whose establishment was answered (the clients' committees too)
     * @param cutOff        commands sent that got no answer (the connection failed: the platform was killed)
     */
    record Result(Measurements commands, Measurements answerToShown, Measurements sendToShown, AnswerCounts counts, List<Unit> answered,
                  long cutOff) {

        static Result combined(List<Result> rounds) {
            List<Unit> answered = new ArrayList<>();
            rounds.forEach(r -> answered.addAll(r.answered()));
            return new Result(Measurements.combined(rounds.stream().map(Result::commands).toList()),
                    Measurements.combined(rounds.stream().map(Result::answerToShown).toList()),
                    Measurements.combined(rounds.stream().map(Result::sendToShown).toList()),
                    AnswerCounts.sum(rounds.stream().map(Result::counts).toList()), answered,
                    rounds.stream().mapToLong(Result::cutOff).sum());
        }
    }

    /** Makes the client of the n-th thread, counting its answers into {@code counts}. */
    interface Clients {
        UnitClient client(int number, AnswerCounts counts);
    }

    /**
     * What each client does: {@link #prepare} once before the measured part (its answers are kept in {@code answered}),
     * then {@link #command} and {@link #awaitShown} again and again.
     */
    interface Workload {

        /** Before the load starts; answers what the client's commands need. */
        String prepare(UnitClient client, List<Unit> answered) throws IOException, InterruptedException;

        UnitClient.Answer command(UnitClient client, String prepared) throws IOException, InterruptedException;

        /** Reads the record the command wrote until it shows; returns when it did ({@link System#nanoTime()}). */
        long awaitShown(UnitClient client, UnitClient.Answer answer) throws IOException, InterruptedException;
    }

    /** Branches, each under the client's own committee (established first, not measured): two events a command. */
    static final Workload BRANCHES = new Workload() {
        @Override
        public String prepare(UnitClient client, List<Unit> answered) throws IOException, InterruptedException {
            UnitClient.Answer own = client.establish("COMMITTEE", "基准党委" + suffix(), null);
            client.awaitShown(own.id(), own.sequence());
            answered.add(new Unit(own.id(), own.sequence()));
            return own.id();
        }

        @Override
        public UnitClient.Answer command(UnitClient client, String committee) throws IOException, InterruptedException {
            return client.establish("BRANCH", "基准支部" + suffix(), committee);
        }

        @Override
        public long awaitShown(UnitClient client, UnitClient.Answer answer) throws IOException, InterruptedException {
            return client.awaitShown(answer.id(), answer.sequence());
        }
    };

    /**
     * Applications for party membership (入党申请) to a branch the members service knows, each a new member's record
     * (one event), read back as {@code GET /members/{id}?minSequence=}; through the members API.
     */
    static Workload applications(String branchId) {
        AtomicInteger numbers = new AtomicInteger();
        return new Workload() {
            @Override
            public String prepare(UnitClient client, List<Unit> answered) {
                return branchId;
            }

            @Override
            public UnitClient.Answer command(UnitClient client, String branch) throws IOException, InterruptedException {
                return client.apply(branch, numbers.incrementAndGet());
            }

            @Override
            public long awaitShown(UnitClient client, UnitClient.Answer answer) throws IOException, InterruptedException {
                return client.awaitRead("/members/" + answer.id() + "?minSequence=" + answer.sequence(), Long.MAX_VALUE);
            }
        };
    }

    private final Clients clients;
    private final int threads;
    private final Workload workload;

    UnitLoad(Clients clients, int threads) {
        this(clients, threads, BRANCHES);
    }

    UnitLoad(Clients clients, int threads, Workload workload) {
        this.clients = clients;
        this.threads = threads;
        this.workload = workload;
    }

    /** {@code total} commands over all clients. */
    Result run(String label, int total) throws Exception {
        Result result = run(new AtomicInteger(total));
        System.out.printf("%-22s %6.1f commands/s  p50 %7.1f ms  p99 %7.1f ms  answer→shown p50 %7.1f ms  p99 %7.1f ms  429: %d  503: %d%n",
                label, result.commands().perSecond(), result.commands().p50Millis(), result.commands().p99Millis(),
                result.answerToShown().p50Millis(), result.answerToShown().p99Millis(), result.counts().tooManyRequests(),
                result.counts().unavailable());
        return result;
    }

    /** Commands until the connections fail (the platform is killed) or {@code limit} runs out. */
    Result run(AtomicInteger limit) throws Exception {
        Measurements commands = new Measurements();
        Measurements answerToShown = new Measurements();
        Measurements sendToShown = new Measurements();
        AnswerCounts counts = new AnswerCounts();
        List<Unit> answered = Collections.synchronizedList(new ArrayList<>());
        AtomicLong cutOff = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            UnitClient client = clients.client(t, counts);
            done.add(pool.submit(() -> {
                String prepared;
                try {
                    prepared = workload.prepare(client, answered);
                } finally {
                    ready.countDown();
                }
                go.await();
                while (limit.getAndDecrement() > 0) {
                    UnitClient.Answer answer;
                    try {
                        answer = workload.command(client, prepared);
                    } catch (UnitClient.UnexpectedAnswer e) {
                        continue; // counted; the next command
                    } catch (IOException e) {
                        cutOff.incrementAndGet();
                        return null; // the platform is gone
                    }
                    commands.record(answer.answeredNanos() - answer.sentNanos());
                    answered.add(new Unit(answer.id(), answer.sequence()));
                    long shown;
                    try {
                        shown = workload.awaitShown(client, answer);
                    } catch (UnitClient.UnexpectedAnswer e) {
                        continue;
                    } catch (UnitClient.NotShown e) {
                        counts.error("not shown", e.getMessage());
                        continue;
                    } catch (IOException e) {
                        return null;
                    }
                    answerToShown.record(shown - answer.answeredNanos());
                    sendToShown.record(shown - answer.sentNanos());
                }
                return null;
            }));
        }
        ready.await();
        commands.start();
        answerToShown.start();
        sendToShown.start();
        go.countDown();
        try {
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        commands.end();
        answerToShown.end();
        sendToShown.end();
        return new Result(commands, answerToShown, sendToShown, counts, List.copyOf(answered), cutOff.get());
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
