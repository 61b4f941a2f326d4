package dev.microscout.influencer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscout.common.sql.CopyRows;
import dev.microscout.tier.TierChange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes the rows of new creators (profile, niches, channels, first tiers) with one COPY per table: a create of one
 * creator and an import chunk of thousands write the same rows the same way, and neither pays an entity per row.
 * The objects are built and checked by {@link InfluencerService} beforehand; here they are only written.
 */
final class NewCreatorRows {

    private NewCreatorRows() {
    }

    static void write(Connection c, List<Influencer> influencers, List<TierChange> firstTiers, ObjectMapper json) throws SQLException {
        CopyRows profiles = new CopyRows();
        CopyRows niches = new CopyRows();
        CopyRows channels = new CopyRows();
        for (Influencer i : influencers) {
            profiles.value(i.id).text(i.displayName).text(i.bio).text(i.country).text(i.city).text(arrayLiteral(i.languages))
                    .text(i.contactEmail).text(i.rateCurrency).value(i.ratePrice == null ? null : i.ratePrice.toPlainString())
                    .value(i.tier.name()).value(i.maxFollowers).value(i.createdAt).value(i.updatedAt).value(i.version)
                    .value(i.lastChangedByOrganisation).value(i.lastChangedByKey).end();
            for (InfluencerNiche n : i.niches) {
                niches.value(i.id).text(n.nicheSlug).value(n.weight).end();
            }
            for (Channel ch : i.channels) {
                channels.value(ch.id).value(i.id).value(ch.platform.name()).text(ch.handle).text(ch.url).value(ch.followers)
                        .value(ch.following).value(ch.verified).text(audience(ch.audience, json)).value(ch.tier.name())
                        .value(ch.createdAt).value(ch.updatedAt).value(ch.version).end();
            }
        }
        profiles.copyInto(c, """
                copy influencer (id, display_name, bio, country, city, languages, contact_email, rate_currency, rate_price, tier,
                    max_followers, created_at, updated_at, version, last_changed_by_organisation, last_changed_by_key)""");
        niches.copyInto(c, "copy influencer_niche (influencer_id, niche_slug, weight)");
        channels.copyInto(c, """
                copy channel (id, influencer_id, platform, handle, url, followers, following, verified, audience, tier, created_at,
                    updated_at, version)""");
        writeTiers(c, firstTiers);
    }

    /**
     * The history rows take their ids as the entity's generator does (V13; Quarkus' default optimizer, pooled-lo):
     * each nextval v opens a block of fifty, v … v+49, so these ids and the ones Hibernate hands out never meet.
     */
    private static void writeTiers(Connection c, List<TierChange> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        long[] ids = new long[changes.size()];
        int filled = 0;
        try (PreparedStatement s = c.prepareStatement("select nextval('tier_change_id_seq') from generate_series(1, ?)")) {
            s.setInt(1, (changes.size() + BLOCK - 1) / BLOCK);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long low = r.getLong(1);
                    for (long id = low; id < low + BLOCK && filled < ids.length; id++) {
                        ids[filled++] = id;
                    }
                }
            }
        }
        CopyRows rows = new CopyRows();
        for (int k = 0; k < changes.size(); k++) {
            TierChange t = changes.get(k);
            t.id = ids[k];
            rows.value(t.id).value(t.channelId).value(t.influencerId).value(t.fromTier == null ? null : t.fromTier.name())
                    .value(t.toTier.name()).value(t.followers).value(t.changedAt).end();
        }
        rows.copyInto(c, "copy tier_change (id, channel_id, influencer_id, from_tier, to_tier, followers, changed_at)");
    }

    /** The sequence's increment and the entity's allocation size. */
    private static final int BLOCK = 50;

    /** PostgreSQL's literal of a text array, each element quoted: {"en","id"}. */
    private static String arrayLiteral(String[] values) {
        StringBuilder literal = new StringBuilder("{");
        for (int k = 0; k < values.length; k++) {
            literal.append(k == 0 ? "\"" : ",\"").append(values[k].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    private static String audience(Audience audience, ObjectMapper json) throws SQLException {
        if (audience == null) {
            return null;
        }
        try {
            return json.writeValueAsString(audience);
        } catch (JsonProcessingException e) {
            throw new SQLException("audience not written", e);
        }
    }
}
