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
 * Concurrent clients establishing units as committee staff do in the web client: each first establishes a committee
 * of its own (not measured), then branches under it, one after the other, each answer followed by reading the new
 * branch with {@code minSequence} until it shows. A branch's establishment stores two events (the branch's, and its
 * committee's record of it); the clients never touch the same committee, so they never conflict.
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

    private final Clients clients;
    private final int threads;

    UnitLoad(Clients clients, int threads) {
        this.clients = clients;
        this.threads = threads;
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
                String committee;
                try {
                    UnitClient.Answer own = client.establish("COMMITTEE", "基准党委" + suffix(), null);
                    client.awaitShown(own.id(), own.sequence());
                    answered.add(new Unit(own.id(), own.sequence()));
                    committee = own.id();
                } finally {
                    ready.countDown();
                }
                go.await();
                while (limit.getAndDecrement() > 0) {
                    UnitClient.Answer answer;
                    try {
                        answer = client.establish("BRANCH", "基准支部" + suffix(), committee);
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
                        shown = client.awaitShown(answer.id(), answer.sequence());
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
