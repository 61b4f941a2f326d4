package dev.microscout.webhook;

import dev.microscout.webhook.DeliveryPolicy.Attempt;
import dev.microscout.webhook.DeliveryPolicy.Decision;
import dev.microscout.webhook.WebhookDeliveries.Claimed;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers the outbox. One claiming thread leases due deliveries in batches (as many as there are idle senders) and
 * hands each to a bounded pool of sender threads; sending happens outside the claiming transaction, and each attempt
 * is recorded in a transaction of its own. The thread wakes when a publishing transaction of this instance commits,
 * and polls (for other instances' events and for retries) every poll interval. At shutdown, claims not yet sent are
 * released at once and sends under way finish (they are bounded by the timeout).
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    @Inject
    dev.microscout.platform.ScheduledOnce once;
    @Inject
    WebhookConfig config;
    @Inject
    WebhookRules rules;
    @Inject
    WebhookDeliveries deliveries;
    @Inject
    WebhookSender sender;
    @Inject
    WebhookMetrics metrics;

    /** This instance's name on the leases it takes. */
    private final UUID owner = UUID.randomUUID();
    private final Semaphore wakeUp = new Semaphore(0);
    /** Claimed and handed to the pool, not yet being sent: what a shutdown gives back. */
    private final Set<UUID> unsent = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private Thread claimer;
    private ExecutorService senders;
    private Semaphore idleSenders;

    void start(@Observes StartupEvent event) {
        if (!config.dispatcher().enabled()) {
            LOG.info("Webhook dispatcher disabled on this instance (microscout.webhooks.dispatcher.enabled=false)");
            return;
        }
        int threads = config.dispatcher().senders();
        idleSenders = new Semaphore(threads);
        AtomicInteger number = new AtomicInteger();
        senders = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "webhook-sender-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        claimer = new Thread(this::run, "webhook-dispatcher");
        claimer.setDaemon(true);
        claimer.start();
    }

    /** Looks for due deliveries now instead of at the next poll (called after a publishing commit). */
    public void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    private void run() {
        long poll = config.dispatcher().pollInterval().toMillis();
        while (running) {
            try {
                if (!dispatchDue()) {
                    wakeUp.tryAcquire(poll, TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("Webhook dispatch failed; trying again at the next poll", e);
                    try {
                        Thread.sleep(poll);
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        }
    }

    /** Claims as many due deliveries as senders are idle (waiting for one); true when that filled them all. */
    private boolean dispatchDue() throws InterruptedException {
        idleSenders.acquire();
        int wanted = 1 + idleSenders.drainPermits();
        List<Claimed> claimed;
        try {
            claimed = running ? deliveries.claim(owner, wanted, config.dispatcher().lease()) : List.of();
        } catch (RuntimeException e) {
            idleSenders.release(wanted);
            throw e;
        }
        idleSenders.release(wanted - claimed.size());
        for (Claimed delivery : claimed) {
            unsent.add(delivery.deliveryId());
            senders.execute(() -> {
                try {
                    if (unsent.remove(delivery.deliveryId())) {
                        deliver(delivery);
                    }
                } finally {
                    idleSenders.release();
                }
            });
        }
        return !claimed.isEmpty() && claimed.size() == wanted;
    }

    private void deliver(Claimed delivery) {
        Attempt attempt = sender.send(delivery);
        Instant failingSince = delivery.failingSince() == null ? null : delivery.failingSince().toInstant();
        Decision decision = rules.delivery().decide(attempt, delivery.attempts(), failingSince, ThreadLocalRandom.current()::nextDouble);
        try {
            boolean recorded = QuarkusTransaction.requiringNew().call(() -> deliveries.record(delivery, owner, attempt, decision));
            if (recorded) {
                metrics.attempted(decision.status());
            }
            if (decision.disableEndpoint() != null) {
                LOG.infof("Webhook endpoint %s disabled: %s", delivery.endpointId(), decision.disableEndpoint());
            }
        } catch (RuntimeException e) {
            // The lease runs out and the delivery is tried again: at least once, never lost.
            LOG.warnf(e, "The attempt of webhook delivery %s could not be recorded", delivery.deliveryId());
        }
    }

    /** Drops old events whose deliveries are done. */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        if (!once.claim("webhooks.purge", java.time.Duration.ofHours(1))) {
            return;
        }
        int purged = deliveries.purge(Instant.now().minus(config.retention()));
        if (purged > 0) {
            LOG.infof("Purged %d webhook events older than %s", purged, config.retention());
        }
    }

    void stop(@Observes @Priority(10) ShutdownEvent event) {
        if (!running) {
            return;
        }
        running = false;
        claimer.interrupt();
        try {
            claimer.join(5_000);
            senders.shutdown();
            List<UUID> left = new ArrayList<>(unsent);
            unsent.removeAll(left);
            deliveries.release(owner, left);
            if (!senders.awaitTermination(config.timeout().toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                LOG.warn("Webhook sends still running at shutdown; their leases expire and they are sent again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Unsent webhook claims could not be released; their leases expire", e);
        }
    }
}
