package dev.microscout.influencer;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;


/** Entities to API records; entities never leave the service layer. */
final class InfluencerMapper {
    private InfluencerMapper() {
    }

    /** How a view names writers and dates the end of a restore window: both depend on the reader and the configuration. */
    record Context(Authorship.Names names, int restoreDays) {
    }

    static InfluencerView toView(Influencer i, Map<UUID, ChannelMetricsSummary> metrics, Context context) {
        return new InfluencerView(i.id, i.displayName, i.bio, i.country, i.city,
                Arrays.asList(i.languages),
                i.contactEmail,
                niches(i),
                i.rateCurrency == null ? null : new RateCard(i.rateCurrency, i.ratePrice),
                i.tier, i.maxFollowers,
                i.channels.stream().map(c -> toView(c, metrics.get(c.id), context)).toList(),
                i.createdAt, i.updatedAt, context.names().of(i.lastChangedBy()), i.version, deletion(i.deletion, context));
    }

    static List<NicheWeight> niches(Influencer i) {
        return i.niches.stream()
                .sorted(Comparator.comparingDouble((InfluencerNiche n) -> -n.weight).thenComparing(n -> n.nicheSlug))
                .map(n -> new NicheWeight(n.nicheSlug, n.weight))
                .toList();
    }

    static ChannelView toView(Channel c, ChannelMetricsSummary metrics, Context context) {
        return new ChannelView(c.id, c.influencer.id, c.platform, c.handle, c.url, c.followers, c.following,
                c.verified, c.audience, c.tier, c.createdAt, c.updatedAt, c.version, metrics, deletion(c.deletion, context));
    }

    private static DeletionView deletion(Deletion deletion, Context context) {
        return deletion == null ? null
                : new DeletionView(deletion.at, context.names().of(deletion.by()), deletion.at.plusDays(context.restoreDays()));
    }

    static InfluencerUpdate toUpdate(Influencer i) {
        return new InfluencerUpdate(i.displayName, i.bio, i.country, i.city, Arrays.asList(i.languages),
                i.contactEmail, niches(i),
                i.rateCurrency == null ? null : new RateCard(i.rateCurrency, i.ratePrice));
    }

    static ChannelInput toInput(Channel c) {
        return new ChannelInput(c.platform, c.handle, c.url, c.followers, c.following, c.verified, c.audience);
    }
}
