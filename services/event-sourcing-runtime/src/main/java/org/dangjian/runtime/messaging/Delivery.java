package org.dangjian.runtime.messaging;

import java.time.Instant;

/**
 * One record of a topic exactly as a {@link org.dangjian.runtime.readmodel.Witness} receives it: every delivery,
 * redeliveries and records out of order included, with where it was read.
 *
 * @param service     the service that publishes on that topic
 * @param topic       the topic it was read from
 * @param partition   its partition
 * @param offset      its offset there
 * @param publishedAt the record's Kafka timestamp (when the publishing service's relay sent it)
 * @param event       the event, its body not decoded ({@code payload} is {@code null}); {@code null} when the record is
 *                    not one of the platform's CloudEvents
 * @param unreadable  why the record could not be read as an event; {@code null} when {@code event} is there
 */
public record Delivery(String service, String topic, int partition, long offset, Instant publishedAt, PublishedEvent event, String unreadable) {

    /** Whether the record could be read as one of the platform's events. */
    public boolean readable() {
        return event != null;
    }
}
