package dev.microscout.influencer;

import dev.microscout.common.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The flat form of the catalogue that export writes and import reads: one line per channel, its creator's profile
 * repeated on each. Lists are joined with {@code |} ("id|en"); weights and shares are {@code key:value} pairs joined
 * the same way ("skincare:0.8|makeup:0.2"); an empty cell is an absent value. A value written here reads back equal.
 */
public final class CatalogueLine {

    public static final String INFLUENCER_ID = "influencerId";
    /** The file's own name for a creator new to the catalogue: lines with the same ref are channels of one creator. */
    public static final String REF = "ref";
    public static final String PLATFORM = "platform";
    public static final String HANDLE = "handle";

    public static final List<String> COLUMNS = List.of(INFLUENCER_ID, REF, "displayName", "bio", "country", "city", "languages",
            "contactEmail", "niches", "rateCurrency", "ratePerPost", PLATFORM, HANDLE, "url", "followers", "following", "verified",
            "genderShares", "ageShares", "countryShares");

    /** One line read: the creator it names (if any), its profile and its channel, or the reasons it cannot be read. */
    public record Parsed(UUID influencerId, String ref, InfluencerUpdate profile, ChannelInput channel, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private CatalogueLine() {
    }

    /** What one line holds: a channel with its creator's profile, as stored. */
    public record Values(UUID influencerId, String displayName, String bio, String country, String city, List<String> languages,
                         String contactEmail, List<NicheWeight> niches, String rateCurrency, BigDecimal ratePrice,
                         Platform platform, String handle, String url, long followers, long following, boolean verified,
                         Audience audience) {
    }

    /** The cells of one channel's line, in {@link #COLUMNS} order. */
    public static List<String> cells(Values v) {
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(v.influencerId().toString());
        cells.add("");
        cells.add(v.displayName());
        cells.add(text(v.bio()));
        cells.add(v.country());
        cells.add(text(v.city()));
        cells.add(String.join("|", v.languages()));
        cells.add(text(v.contactEmail()));
        cells.add(v.niches().stream().map(n -> n.niche() + ":" + n.weight()).collect(Collectors.joining("|")));
        cells.add(text(v.rateCurrency()));
        cells.add(v.ratePrice() == null ? "" : v.ratePrice().toPlainString());
        cells.add(v.platform().name());
        cells.add(v.handle());
        cells.add(text(v.url()));
        cells.add(Long.toString(v.followers()));
        cells.add(Long.toString(v.following()));
        cells.add(Boolean.toString(v.verified()));
        Audience audience = v.audience();
        cells.add(shares(audience == null ? null : audience.genderShares()));
        cells.add(shares(audience == null ? null : audience.ageShares()));
        cells.add(shares(audience == null ? null : audience.countryShares()));
        return cells;
    }

    /** Reads a line given as column → cell (cells trimmed; empty means absent). Errors name the column. */
    public static Parsed parse(Map<String, String> line) {
        List<FieldError> errors = new ArrayList<>();
        LineCells cells = new LineCells(line, errors);
        UUID influencerId = cells.uuid(INFLUENCER_ID);
        String ref = cells.text(REF);
        InfluencerUpdate profile = new InfluencerUpdate(cells.text("displayName"), cells.text("bio"), cells.text("country"),
                cells.text("city"), cells.list("languages"), cells.text("contactEmail"), cells.niches("niches"),
                rateCard(cells));
        ChannelInput channel = new ChannelInput(cells.platform(PLATFORM), cells.text(HANDLE), cells.text("url"),
                cells.whole("followers"), cells.whole("following"), cells.bool("verified"),
                audience(cells.shares("genderShares"), cells.shares("ageShares"), cells.shares("countryShares")));
        return new Parsed(influencerId, ref, profile, channel, errors);
    }

    /** Whether a profile as sent says what the stored one says (absent and empty alike, niches in any order). */
    public static boolean sameProfile(ProfileFields sent, Influencer stored) {
        InfluencerUpdate current = InfluencerMapper.toUpdate(stored);
        return Objects.equals(blank(sent.displayName() == null ? null : sent.displayName().trim()), blank(current.displayName()))
                && Objects.equals(blank(sent.bio()), blank(current.bio()))
                && Objects.equals(sent.country(), current.country())
                && Objects.equals(blank(sent.city()), blank(current.city()))
                && Objects.equals(orEmpty(sent.languages()), orEmpty(current.languages()))
                && Objects.equals(blank(sent.contactEmail()), blank(current.contactEmail()))
                && Objects.equals(nicheMap(sent.niches()), nicheMap(current.niches()))
                && sameRateCard(sent.rateCard(), current.rateCard());
    }

    /** Whether a channel as sent says what the stored one says (defaults applied, the handle without its @). */
    public static boolean sameChannel(ChannelInput sent, Channel stored) {
        return sent.platform() == stored.platform
                && sent.handle() != null && CatalogueRules.normaliseHandle(sent.handle()).equals(stored.handle)
                && Objects.equals(blank(sent.url()), blank(stored.url))
                && sent.followers() != null && sent.followers() == stored.followers
                && (sent.following() == null ? 0 : sent.following()) == stored.following
                && Boolean.TRUE.equals(sent.verified()) == stored.verified
                && sameAudience(sent.audience(), stored.audience);
    }

    /** The key by which a line's channel is known in the catalogue: platform and lower-cased handle. */
    public static String channelKey(Platform platform, String handle) {
        return CatalogueRules.handleKey(platform, handle);
    }

    private static RateCard rateCard(LineCells cells) {
        String currency = cells.text("rateCurrency");
        BigDecimal price = cells.decimal("ratePerPost");
        if (currency == null && price == null) {
            return null;
        }
        return new RateCard(currency, price);
    }

    private static Audience audience(Map<String, Double> gender, Map<String, Double> age, Map<String, Double> country) {
        return gender == null && age == null && country == null ? null : new Audience(gender, age, country);
    }

    // ---- comparing -------------------------------------------------------------------------

    private static boolean sameRateCard(RateCard a, RateCard b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Objects.equals(a.currency(), b.currency()) && a.pricePerPost() != null && b.pricePerPost() != null
                && a.pricePerPost().compareTo(b.pricePerPost()) == 0;
    }

    private static boolean sameAudience(Audience a, Audience b) {
        return Objects.equals(orEmpty(a == null ? null : a.genderShares()), orEmpty(b == null ? null : b.genderShares()))
                && Objects.equals(orEmpty(a == null ? null : a.ageShares()), orEmpty(b == null ? null : b.ageShares()))
                && Objects.equals(orEmpty(a == null ? null : a.countryShares()), orEmpty(b == null ? null : b.countryShares()));
    }

    private static Map<String, Double> nicheMap(List<NicheWeight> niches) {
        Map<String, Double> map = new java.util.HashMap<>();
        if (niches != null) {
            niches.forEach(n -> map.put(n.niche(), n.weight()));
        }
        return map;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static String blank(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String shares(Map<String, Double> shares) {
        if (shares == null || shares.isEmpty()) {
            return "";
        }
        return shares.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining("|"));
    }

}
