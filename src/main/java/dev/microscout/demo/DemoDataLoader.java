package dev.microscout.demo;

import dev.microscout.influencer.Influencer;
import dev.microscout.influencer.InfluencerCreate;
import dev.microscout.influencer.InfluencerService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Fills an empty catalogue with demo creators at start-up, when {@code microscout.demo-data.enabled} is true
 * (the dev and demo profiles; never tests or production). Creators go through {@link InfluencerService}, so
 * they meet every rule a client's data meets.
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);
    /** Creators stored per transaction: few round trips without holding a long transaction. */
    static final int BATCH_SIZE = 50;

    @Inject
    DemoDataConfig config;
    @Inject
    InfluencerService influencers;
    @Inject
    Validator validator;
    @Inject
    dev.microscout.metrics.ChannelMetricsService metrics;
    @Inject
    dev.microscout.metrics.PeerBaselineService baselines;
    @Inject
    DemoCampaigns campaigns;
    @Inject
    dev.microscout.security.SecurityConfig security;

    // After the security seeder (default observer priority), which creates the demo organisation the campaigns belong to.
    void onStart(@Observes @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        long existing = QuarkusTransaction.requiringNew().call(() -> Influencer.count());
        if (existing > 0) {
            LOG.infof("Demo data not loaded: the catalogue already holds %d influencers", existing);
            return;
        }
        try {
            load(config.influencers(), config.seed());
            loadCampaigns(config.seed());
        } catch (RuntimeException e) {
            // Demo data is a convenience: the service stays up without it.
            LOG.error("Demo data not loaded", e);
        }
    }

    /** The demo organisation's campaigns (see {@link DemoCampaigns}), made in a request context as its requests would be. */
    public int loadCampaigns(long seed) {
        UUID organisation = QuarkusTransaction.requiringNew().call(() -> dev.microscout.security.Organisation
                .<dev.microscout.security.Organisation>find("lower(name) = ?1", security.demoOrganisation().name().toLowerCase())
                .firstResultOptional().map(o -> o.id).orElse(null));
        if (organisation == null) {
            LOG.info("Demo campaigns not made: there is no demo organisation");
            return 0;
        }
        io.quarkus.arc.ManagedContext requestContext = io.quarkus.arc.Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            int made = campaigns.load(organisation, seed);
            LOG.infof("Made %d demo campaigns for the demo organisation", made);
            return made;
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    /**
     * Generates creators 0 to {@code count - 1} of the catalogue of {@code seed} and stores them, one
     * transaction per batch. Returns the ids of the created influencers, in order.
     */
    public List<UUID> load(int count, long seed) {
        long started = System.nanoTime();
        DemoCatalogue catalogue = new DemoCatalogue(seed);
        DemoActivity activity = new DemoActivity(catalogue);
        java.time.Instant now = java.time.Instant.now();
        List<UUID> ids = new ArrayList<>(count);
        List<UUID> channelIds = new ArrayList<>();
        for (int from = 0; from < count; from += BATCH_SIZE) {
            int first = from;
            List<InfluencerCreate> batch = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + BATCH_SIZE); i++) {
                batch.add(validated(catalogue.influencer(i)));
            }
            QuarkusTransaction.requiringNew().run(() -> {
                for (int k = 0; k < batch.size(); k++) {
                    InfluencerCreate creator = batch.get(k);
                    dev.microscout.influencer.InfluencerView created = influencers.create(creator);
                    ids.add(created.id());
                    for (int position = 0; position < creator.channels().size(); position++) {
                        UUID channelId = channelOf(created, creator.channels().get(position));
                        influencers.recordSnapshots(channelId, activity.snapshots(first + k, creator, position, now));
                        metrics.ingestPosts(channelId, activity.posts(first + k, creator, position, now));
                        channelIds.add(channelId);
                    }
                }
            });
        }
        // The peer-based authenticity checks need baselines, which need every channel's metrics: a second pass.
        baselines.refresh();
        for (int from = 0; from < channelIds.size(); from += BATCH_SIZE) {
            List<UUID> slice = channelIds.subList(from, Math.min(channelIds.size(), from + BATCH_SIZE));
            QuarkusTransaction.requiringNew().run(() -> slice.forEach(metrics::recompute));
        }
        LOG.infof("Loaded %d demo influencers with %d channels, their posts and follower histories (seed %d) in %d ms",
                ids.size(), channelIds.size(), seed, (System.nanoTime() - started) / 1_000_000);
        return ids;
    }

    private static UUID channelOf(dev.microscout.influencer.InfluencerView created, dev.microscout.influencer.ChannelInput input) {
        String handle = input.handle().startsWith("@") ? input.handle().substring(1) : input.handle();
        return created.channels().stream()
                .filter(c -> c.platform() == input.platform() && c.handle().equalsIgnoreCase(handle))
                .findFirst().orElseThrow().id();
    }

    /** The service trusts the resource to run Bean Validation; here the loader is the edge, so it does. */
    private InfluencerCreate validated(InfluencerCreate creator) {
        Set<ConstraintViolation<InfluencerCreate>> violations = validator.validate(creator);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return creator;
    }
}
