package org.dangjian.subscriptions.delivery;

import java.time.Duration;

/**
 * How the delivery behaves ({@code dangjian.subscriptions.*}).
 *
 * @param pollInterval     how often open streams and webhooks look for new journal entries (250 ms)
 * @param heartbeat        how often an idle stream sends an SSE comment, so that proxies keep it open (15 s)
 * @param gapWait          how long a reader waits for a missing journal position before passing it (5 s)
 * @param maxAttempts      how many times a webhook post is tried before it becomes a dead letter (5)
 * @param initialBackoff   the wait after a webhook's first failure; doubled after each further one (1 s)
 * @param maxBackoff       the longest wait between two tries (5 min)
 * @param webhookTimeout   how long a webhook post may take (10 s)
 * @param batch            how many journal entries a reader takes at a time (200)
 * @param unitWait         how long a subtree subscription waits at an entry that names a unit the service does not know
 *                         yet (its establishment, on the organisation's topic, not read yet) before passing it (10 s)
 */
public record DeliverySettings(Duration pollInterval, Duration heartbeat, Duration gapWait, int maxAttempts, Duration initialBackoff,
                               Duration maxBackoff, Duration webhookTimeout, int batch, Duration unitWait) {

    public DeliverySettings {
        if (maxAttempts < 1 || batch < 1) {
            throw new IllegalArgumentException("dangjian.subscriptions.max-attempts and batch must be at least 1");
        }
    }

    /** The wait after the {@code attempts}-th failed try: initial × 2^(attempts − 1), at most {@code maxBackoff}. */
    public Duration backoff(int attempts) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
