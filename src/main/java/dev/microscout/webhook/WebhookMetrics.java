package dev.microscout.webhook;

import dev.microscout.webhook.WebhookViews.DeliveryStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Webhook figures in /q/metrics: attempts by outcome ({@code microscout_webhooks_deliveries_total{outcome}}:
 * succeeded, retrying, failed), and the backlog, read from the database every 5 seconds (so that a scrape never waits
 * on it): pending deliveries ({@code microscout_webhooks_pending}) and the age of the oldest
 * ({@code microscout_webhooks_oldest_pending_age_seconds}, 0 when none waits).
 */
@ApplicationScoped
public class WebhookMetrics {

    private static final Logger LOG = Logger.getLogger(WebhookMetrics.class);

    @Inject
    MeterRegistry registry;
    @Inject
    WebhookDeliveries deliveries;

    private Counter succeeded;
    private Counter retrying;
    private Counter failed;
    private volatile long pending;
    private volatile OffsetDateTime oldestQueuedAt;

    void register(@Observes StartupEvent event) {
        succeeded = counter("succeeded");
        retrying = counter("retrying");
        failed = counter("failed");
        Gauge.builder("microscout.webhooks.pending", this, m -> m.pending)
                .description("Webhook deliveries waiting to be sent or retried").register(registry);
        Gauge.builder("microscout.webhooks.oldest.pending.age", this, WebhookMetrics::oldestAgeSeconds).baseUnit("seconds")
                .description("How long the oldest waiting webhook delivery has waited since it was queued").register(registry);
        refresh();
    }

    private Counter counter(String outcome) {
        return Counter.builder("microscout.webhooks.deliveries").tag("outcome", outcome)
                .description("Webhook delivery attempts by outcome: succeeded, retrying (another attempt is scheduled), failed (no more)")
                .register(registry);
    }

    void attempted(DeliveryStatus status) {
        switch (status) {
            case SUCCEEDED -> succeeded.increment();
            case PENDING -> retrying.increment();
            case FAILED -> failed.increment();
        }
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            WebhookDeliveries.Backlog backlog = deliveries.backlog();
            pending = backlog.pending();
            oldestQueuedAt = backlog.oldestQueuedAt();
        } catch (RuntimeException e) {
            LOG.debug("The webhook backlog could not be read", e);
        }
    }

    private double oldestAgeSeconds() {
        OffsetDateTime oldest = oldestQueuedAt;
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, OffsetDateTime.now()).toMillis() / 1000.0);
    }
}
