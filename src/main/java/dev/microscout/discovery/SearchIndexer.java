package dev.microscout.discovery;

import dev.microscout.reputation.ReputationChanged;
import dev.microscout.niche.NicheFit;
import dev.microscout.niche.NicheService;
import dev.microscout.niche.NicheTaxonomy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Keeps the search read model (search_entry, influencer_text) in step with the catalogue: every change of an
 * influencer, its channels, their metrics or its reputation rewrites that influencer's few rows in the same
 * transaction. Nothing else is rewritten: engagement percentiles are looked up at query time.
 */
@ApplicationScoped
public class SearchIndexer {

    static final String ALL_NICHES = "*";

    @Inject
    EntityManager em;
    @Inject
    NicheService niches;
    /** The last step of catalogue → metrics → reputation → search read model: the creators' rows follow. */
    void onReputationChanged(@Observes ReputationChanged change) {
        reindex(change.influencerIds());
    }

    /**
     * A purged creator's rows and search document go with it. Its delete dropped them already; neither table has a
     * foreign key (V20, V22), so their owner removes them rather than a cascade.
     */
    void onInfluencerPurged(@Observes dev.microscout.influencer.InfluencerService.InfluencerPurged purge) {
        em.unwrap(Session.class).doWork(c -> {
            for (String table : List.of("search_entry", "influencer_text")) {
                try (PreparedStatement delete = c.prepareStatement("delete from " + table + " where influencer_id = ?")) {
                    delete.setObject(1, purge.influencerId());
                    delete.executeUpdate();
                }
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reindex(UUID influencerId) {
        reindex(java.util.Set.of(influencerId));
    }

    /** Rewrites the rows of the influencers, a few statements for all of them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reindex(java.util.Collection<UUID> influencerIds) {
        if (influencerIds.isEmpty()) {
            return;
        }
        em.flush();
        em.unwrap(Session.class).doWork(c -> write(c, influencerIds));
    }

    /** Rebuilds every influencer's rows (after a taxonomy change, or for data loaded outside the API). */
    @Transactional
    public int reindexAll() {
        List<UUID> ids = em.unwrap(Session.class).doReturningWork(c -> {
            List<UUID> all = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select id from influencer where deleted_at is null");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    all.add(r.getObject(1, UUID.class));
                }
            }
            return all;
        });
        for (int from = 0; from < ids.size(); from += 500) {
            reindex(ids.subList(from, Math.min(ids.size(), from + 500)));
        }
        return ids.size();
    }

    private void write(Connection c, java.util.Collection<UUID> influencerIds) throws SQLException {
        java.sql.Array ids = c.createArrayOf("uuid", influencerIds.toArray());
        try (PreparedStatement delete = c.prepareStatement("delete from search_entry where influencer_id = any(?)")) {
            delete.setArray(1, ids);
            delete.executeUpdate();
        }
        Map<UUID, Profile> profiles = profiles(c, ids);
        List<UUID> gone = influencerIds.stream().filter(id -> !profiles.containsKey(id)).toList();
        if (!gone.isEmpty()) {
            // Deleted (or gone): they leave the search with their rows; the text returns with them on a restore.
            try (PreparedStatement delete = c.prepareStatement("delete from influencer_text where influencer_id = any(?)")) {
                delete.setArray(1, c.createArrayOf("uuid", gone.toArray()));
                delete.executeUpdate();
            }
        }
        if (profiles.isEmpty()) {
            return;
        }
        insertRows(c, profiles);
        try (PreparedStatement text = c.prepareStatement("""
                insert into influencer_text (influencer_id, document)
                select i.id, to_tsvector('simple', coalesce(i.bio, '') || ' ' || coalesce((
                           select string_agg(distinct t, ' ')
                             from channel c join post p on p.channel_id = c.id, unnest(p.tags) t
                            where c.influencer_id = i.id and c.deleted_at is null
                              and p.posted_at > now() - interval '90 days'), ''))
                  from influencer i where i.id = any(?) and i.deleted_at is null
                on conflict (influencer_id) do update set document = excluded.document""")) {
            text.setArray(1, c.createArrayOf("uuid", profiles.keySet().toArray()));
            text.executeUpdate();
        }
    }

    /** A live channel's part of its search rows. */
    private record ChannelPart(UUID id, UUID influencerId, String platform, String tier, int authenticity, Double engagementRate,
                               boolean sampleTooSmall, long followers) {
    }

    /**
     * Writes the influencers' rows: one per live channel and root niche of the creator's vector, and one per live
     * channel under all niches; the channels read in one query, the rows written with one COPY.
     */
    private void insertRows(Connection c, Map<UUID, Profile> profiles) throws SQLException {
        Map<UUID, List<ChannelPart>> channels = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                select c.id, c.influencer_id, c.platform, c.tier, coalesce(m.authenticity, 100), m.engagement_rate,
                       coalesce(m.sample_too_small, true), c.followers
                  from channel c left join channel_metrics m on m.channel_id = c.id
                 where c.influencer_id = any(?) and c.deleted_at is null""")) {
            s.setArray(1, c.createArrayOf("uuid", profiles.keySet().toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    double rate = r.getDouble(6);
                    Double engagementRate = r.wasNull() ? null : rate;
                    ChannelPart part = new ChannelPart(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3),
                            r.getString(4), r.getInt(5), engagementRate, r.getBoolean(7), r.getLong(8));
                    channels.computeIfAbsent(part.influencerId(), k -> new ArrayList<>()).add(part);
                }
            }
        }
        // COPY rather than INSERT: PostgreSQL reads the rows as one stream, with no statement to parse or bind per batch.
        dev.microscout.common.sql.CopyRows rows = new dev.microscout.common.sql.CopyRows();
        for (Map.Entry<UUID, Profile> entry : profiles.entrySet()) {
            Profile profile = entry.getValue();
            Map<String, float[]> vectors = vectorsByRoot(profile.niches());
            long rootMask = 0;
            for (String root : vectors.keySet()) {
                rootMask |= niches.rootMask(root);
            }
            List<Map.Entry<String, String>> roots = new ArrayList<>();
            vectors.forEach((root, vector) -> roots.add(Map.entry(root, arrayLiteral(vector))));
            roots.add(Map.entry(ALL_NICHES, "{}"));
            for (ChannelPart channel : channels.getOrDefault(entry.getKey(), List.of())) {
                for (Map.Entry<String, String> root : roots) {
                    rows.text(root.getKey()).text(channel.platform()).text(channel.tier()).text(profile.country())
                            .value(channel.authenticity()).value(channel.id()).value(entry.getKey()).text(root.getValue())
                            .value(channel.engagementRate()).value(channel.sampleTooSmall()).value((float) profile.reputation())
                            .value(channel.followers()).text(profile.city()).text(profile.languages()).value(profile.hasContact())
                            .value(profile.openIncidents()).text(profile.rateCurrency())
                            .value(profile.ratePrice() == null ? null : profile.ratePrice().toPlainString())
                            .value(rootMask).end();
                }
            }
        }
        rows.copyInto(c, """
                copy search_entry (root_niche, platform, tier, country, authenticity, channel_id, influencer_id, niche_vec,
                    engagement_rate, sample_too_small, reputation, followers, city, languages, has_contact, open_incidents,
                    rate_currency, rate_price, root_mask)""");
    }

    /** PostgreSQL's literal of an array of reals: {0.5,0.25}. */
    private static String arrayLiteral(float[] values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            literal.append(i == 0 ? "" : ",").append(values[i]);
        }
        return literal.append('}').toString();
    }

    /** The creator's unit niche vector, split by root and laid out by niche position. */
    Map<String, float[]> vectorsByRoot(Map<String, Double> creatorNiches) {
        NicheTaxonomy taxonomy = niches.taxonomy();
        Map<String, Integer> positions = niches.positions();
        Map<String, Double> unit = new NicheFit(taxonomy).unitVector(creatorNiches);
        Map<String, TreeMap<Integer, Double>> byRoot = new HashMap<>();
        unit.forEach((slug, weight) -> {
            Integer position = positions.get(slug);
            if (position != null) {
                byRoot.computeIfAbsent(taxonomy.root(slug), r -> new TreeMap<>()).put(position, weight);
            }
        });
        Map<String, float[]> vectors = new HashMap<>();
        byRoot.forEach((root, slots) -> {
            float[] vector = new float[slots.lastKey() + 1];
            slots.forEach((position, weight) -> vector[position] = (float) (double) weight);
            vectors.put(root, vector);
        });
        return vectors;
    }

    private record Profile(String country, String city, String languages, boolean hasContact, String rateCurrency,
                           java.math.BigDecimal ratePrice, Map<String, Double> niches, double reputation, boolean openIncidents) {
    }

    /** The live influencers' profiles, by id (a deleted or unknown one is absent). */
    private static Map<UUID, Profile> profiles(Connection c, java.sql.Array ids) throws SQLException {
        Map<UUID, Map<String, Double>> niches = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "select influencer_id, niche_slug, weight from influencer_niche where influencer_id = any(?)")) {
            s.setArray(1, ids);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    niches.computeIfAbsent(r.getObject(1, UUID.class), k -> new HashMap<>()).put(r.getString(2), r.getDouble(3));
                }
            }
        }
        Map<UUID, Profile> profiles = new java.util.LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                select i.id, i.country, i.city, i.languages, i.contact_email is not null as has_contact, i.rate_currency, i.rate_price,
                       (select r.reputation from influencer_reputation r where r.influencer_id = i.id) as reputation,
                       exists (select 1 from incident x where x.influencer_id = i.id and not x.resolved) as open_incidents
                  from influencer i where i.id = any(?) and i.deleted_at is null order by i.id""")) {
            s.setArray(1, ids);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    UUID id = r.getObject("id", UUID.class);
                    double reputation = r.getDouble("reputation");
                    if (r.wasNull()) {
                        reputation = DEFAULT_REPUTATION;
                    }
                    profiles.put(id, new Profile(r.getString("country"), r.getString("city"), r.getString("languages"),
                            r.getBoolean("has_contact"), r.getString("rate_currency"), r.getBigDecimal("rate_price"),
                            niches.getOrDefault(id, Map.of()), reputation, r.getBoolean("open_incidents")));
                }
            }
        }
        return profiles;
    }

    /** Reputation before anything is recorded: the prior mean mapped to 0–1, full authenticity, no penalty. */
    static final double DEFAULT_REPUTATION = (dev.microscout.reputation.ReputationScore.PRIOR_MEAN - 1) / 4;
}
