package org.dangjian.subscriptions.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.dangjian.subscriptions.command.Catalogue;
import org.dangjian.subscriptions.query.SubscriptionsReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts each granted webhook subscription's events to its URL, one at a time in journal order: the body a CloudEvent in
 * JSON ({@code application/cloudevents+json}), signed ({@link WebhookSigner}); a 2xx answer is a delivery. A failure (no
 * answer in time, a refused connection, any other status) is tried again after a backoff that doubles (1 s, 2 s, 4 s …
 * up to 5 min) while the later events wait behind it, so the department receives them in order; after {@code
 * max-attempts} tries the event becomes a dead letter and the next ones go on. A dead letter redelivered on request gets
 * a new round of tries (it then arrives after events that followed it). Each subscription's cursor ({@code
 * delivery_cursors}) is the last position settled.
 */
@Component
public class WebhookDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SubscriptionsReadModel subscriptions;
    private final JournalReader reader;
    private final DeliveryJournal journal;
    private final DeliveryRecords records;
    private final WebhookSigner signer;
    private final Catalogue catalogue;
    private final DeliverySettings settings;
    private final Clock clock;
    private final DeliveryCursors cursors;
    private final HttpClient http;

    public WebhookDispatcher(SubscriptionsReadModel subscriptions, JournalReader reader, DeliveryJournal journal, DeliveryRecords records,
                             WebhookSigner signer, Catalogue catalogue, DeliverySettings settings, Clock clock,
                             DeliveryCursors cursors) {
        this.subscriptions = subscriptions;
        this.reader = reader;
        this.journal = journal;
        this.records = records;
        this.signer = signer;
        this.catalogue = catalogue;
        this.settings = settings;
        this.clock = clock;
        this.cursors = cursors;
        this.http = HttpClient.newBuilder().connectTimeout(settings.webhookTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(fixedDelayString = "${dangjian.subscriptions.poll-interval:250ms}", initialDelayString = "${dangjian.subscriptions.poll-interval:250ms}")
    public void dispatch() {
        for (Document subscription : subscriptions.granted("WEBHOOK")) {
            try {
                Grant.of(subscription).ifPresent(this::dispatch);
            } catch (RuntimeException e) {
                LOG.warn("Webhook delivery of subscription {} failed; it is tried again: {}", subscription.getString("_id"), e.toString());
            }
        }
    }

    private void dispatch(Grant grant) {
        long cursor = cursors.of(grant);
        for (Document due : records.due(grant.subscriptionId())) {
            Optional<Document> entry = journal.entry(due.getLong("position"));
            if (entry.isEmpty()) {
                continue;
            }
            Document outcome = post(grant, entry.get());
            if (due.getLong("position") > cursor && "RETRYING".equals(outcome.getString("state"))) {
                return; // the head of the line failed again: the later events wait
            }
            if (due.getLong("position") > cursor) {
                cursor = due.getLong("position");
                cursors.moveTo(grant, cursor);
            }
        }
        if (records.retryingAfter(grant.subscriptionId(), cursor)) {
            return; // waiting for its next try
        }
        for (JournalReader.Step step : reader.next(grant, cursor)) {
            if (step.deliver() && "RETRYING".equals(post(grant, step.entry()).getString("state"))) {
                break;
            }
            cursor = step.position();
        }
        cursors.moveTo(grant, cursor);
    }

    private Document post(Grant grant, Document entry) {
        Grant.Delivered delivered = grant.cloudEvent(entry, catalogue);
        byte[] body = JSON.writeValueAsBytes(delivered.event());
        long now = clock.instant().getEpochSecond();
        String deliveryId = DeliveryRecords.id(grant.subscriptionId(), entry.getLong("_id"));
        Integer status = null;
        String error = null;
        boolean accepted = false;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(grant.webhookUrl())).timeout(settings.webhookTimeout())
                    .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                    .header(WebhookSigner.HEADER, signer.signature(grant.subscriptionId(), now, body))
                    .header("Dangjian-Delivery", deliveryId)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            status = response.statusCode();
            accepted = status >= 200 && status < 300;
            if (!accepted) {
                error = "HTTP " + status;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return records.attempted(grant, entry, delivered.masked(), accepted, status, error == null ? null : truncate(error), settings);
    }

    private static String truncate(String text) {
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

}
