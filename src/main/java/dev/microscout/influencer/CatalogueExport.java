package dev.microscout.influencer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Streams every live influencer matching the list's filters as lines the importer reads back (one per live channel,
 * the profile repeated): CSV with the importer's header, or NDJSON with the same names and JSON values. The match
 * is walked a page of creators at a time (ids in order, then their lines), each page a short query of its own, so
 * that neither memory nor any one statement grows with the catalogue.
 */
@ApplicationScoped
public class CatalogueExport {

    /** Creators per page: their lines are one query. */
    static final int PAGE = 2_000;

    @Inject
    InfluencerService influencers;
    @Inject
    dev.microscout.platform.ReadReplica reads;
    @Inject
    ObjectMapper json;

    public enum Format { CSV, NDJSON }

    // channel_influencer_idx finds the channels of the page's creators; influencer_niche's key their niches.
    private static final String LINES = """
            select i.id, i.display_name, i.bio, i.country, i.city, i.languages, i.contact_email, i.rate_currency, i.rate_price,
                   c.platform, c.handle, c.url, c.followers, c.following, c.verified, cast(c.audience as text),
                   (select array_agg(n.niche_slug order by n.weight desc, n.niche_slug) from influencer_niche n where n.influencer_id = i.id),
                   (select array_agg(n.weight order by n.weight desc, n.niche_slug) from influencer_niche n where n.influencer_id = i.id)
              from influencer i join channel c on c.influencer_id = i.id and c.deleted_at is null
             where i.id = any(?) and i.deleted_at is null
             order by i.id, c.created_at, c.id""";

    public void write(InfluencerFilter filter, Format format, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        CsvWriter csv = null;
        JsonGenerator ndjson = null;
        if (format == Format.CSV) {
            csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(writer);
            csv.writeRecord(CatalogueLine.COLUMNS);
        } else {
            ndjson = json.getFactory().createGenerator(writer);
            ndjson.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
        }
        UUID after = null;
        while (true) {
            List<CatalogueLine.Values> page = page(filter, after);
            if (page.isEmpty()) {
                break;
            }
            for (CatalogueLine.Values line : page) {
                if (csv != null) {
                    csv.writeRecord(CatalogueLine.cells(line));
                } else {
                    writeJson(ndjson, line);
                }
            }
            after = page.get(page.size() - 1).influencerId();
        }
        if (csv != null) {
            csv.flush();
        } else {
            ndjson.writeRaw('\n');
            ndjson.flush();
        }
        writer.flush();
    }

    /**
     * The lines of the next page of matching creators after {@code after}: their ids and their lines read on one
     * connection (the replica's when it is in use, an export being a read that may lag), so that the two agree.
     */
    private List<CatalogueLine.Values> page(InfluencerFilter filter, UUID after) throws IOException {
        try {
            return reads.read(c -> {
                List<UUID> ids = influencers.matchingIds(filter, after, PAGE, c);
                List<CatalogueLine.Values> lines = new ArrayList<>();
                if (ids.isEmpty()) {
                    return lines;
                }
                try (PreparedStatement s = c.prepareStatement(LINES)) {
                    s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            lines.add(values(r));
                        }
                    }
                } catch (IOException e) {
                    // The row's own fault, not the database's: it must not read as a lost replica.
                    throw new java.io.UncheckedIOException(e);
                }
                return lines;
            });
        } catch (java.io.UncheckedIOException e) {
            throw new IOException("export stopped: " + e.getCause().getMessage(), e.getCause());
        } catch (SQLException e) {
            throw new IOException("export stopped: " + e.getMessage(), e);
        }
    }

    private CatalogueLine.Values values(ResultSet r) throws SQLException, IOException {
        String[] slugs = strings(r.getArray(17));
        Array weightArray = r.getArray(18);
        Object[] weights = weightArray == null ? new Object[0] : (Object[]) weightArray.getArray();
        List<NicheWeight> niches = new ArrayList<>(slugs.length);
        for (int i = 0; i < slugs.length; i++) {
            niches.add(new NicheWeight(slugs[i], ((Number) weights[i]).doubleValue()));
        }
        String audience = r.getString(16);
        return new CatalogueLine.Values(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                Arrays.asList(strings(r.getArray(6))), r.getString(7), niches, r.getString(8), r.getBigDecimal(9),
                Platform.valueOf(r.getString(10)), r.getString(11), r.getString(12), r.getLong(13), r.getLong(14), r.getBoolean(15),
                audience == null ? null : json.readValue(audience, Audience.class));
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    /** The same names as the CSV, with JSON values: lists as arrays, weights and shares as objects, numbers as numbers. */
    private static void writeJson(JsonGenerator g, CatalogueLine.Values v) throws IOException {
        g.writeStartObject();
        g.writeStringField(CatalogueLine.INFLUENCER_ID, v.influencerId().toString());
        g.writeStringField("displayName", v.displayName());
        optional(g, "bio", v.bio());
        g.writeStringField("country", v.country());
        optional(g, "city", v.city());
        g.writeArrayFieldStart("languages");
        for (String language : v.languages()) {
            g.writeString(language);
        }
        g.writeEndArray();
        optional(g, "contactEmail", v.contactEmail());
        g.writeArrayFieldStart("niches");
        for (NicheWeight niche : v.niches()) {
            g.writeStartObject();
            g.writeStringField("niche", niche.niche());
            g.writeNumberField("weight", niche.weight());
            g.writeEndObject();
        }
        g.writeEndArray();
        optional(g, "rateCurrency", v.rateCurrency());
        BigDecimal price = v.ratePrice();
        if (price != null) {
            g.writeNumberField("ratePerPost", price);
        }
        g.writeStringField(CatalogueLine.PLATFORM, v.platform().name());
        g.writeStringField(CatalogueLine.HANDLE, v.handle());
        optional(g, "url", v.url());
        g.writeNumberField("followers", v.followers());
        g.writeNumberField("following", v.following());
        g.writeBooleanField("verified", v.verified());
        Audience audience = v.audience();
        if (audience != null) {
            shares(g, "genderShares", audience.genderShares());
            shares(g, "ageShares", audience.ageShares());
            shares(g, "countryShares", audience.countryShares());
        }
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void shares(JsonGenerator g, String name, Map<String, Double> shares) throws IOException {
        if (shares == null || shares.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, Double> share : new java.util.TreeMap<>(shares).entrySet()) {
            g.writeNumberField(share.getKey(), share.getValue());
        }
        g.writeEndObject();
    }
}
