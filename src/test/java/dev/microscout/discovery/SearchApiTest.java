package dev.microscout.discovery;

import dev.microscout.support.Fixtures;
import dev.microscout.support.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.microscout.support.Fixtures.channel;
import static dev.microscout.support.Fixtures.influencer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each test crafts its own creators in a city of its own and searches that city, so other data never enters
 * the ranking. Engagement percentiles come from the peer group (platform and tier): tests that rely on them use
 * a platform and tier no other test gives posts to, and refresh the baselines first.
 */
@QuarkusTest
class SearchApiTest {

    private static final double DEFAULT_REPUTATION = 0.625; // no reviews: (3.5 − 1) / 4, authenticity 100, no incident
    private String city;

    @BeforeEach
    void newCity() {
        // A backslash, as a city may hold: the search rows are written with COPY, whose text format escapes it.
        city = "Test\\city " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a creator in this test's city and returns [influencerId, channelId]. */
    private String[] creator(String platform, long followers, Map<String, Double> niches, Map<String, Object> changes) {
        Map<String, Object> body = influencer(channel(platform, followers));
        body.put("city", city);
        List<Map<String, Object>> list = new ArrayList<>();
        niches.forEach((slug, weight) -> list.add(Map.of("niche", slug, "weight", weight)));
        body.put("niches", list);
        body.putAll(changes);
        String id = Fixtures.create(body);
        String channelId = given().get("/api/v1/influencers/" + id).then().extract().path("channels[0].id");
        return new String[]{id, channelId};
    }

    /** Three posts with {@code likes} likes and 5 % as many comments: engagement rate = 1.05 × likes / followers. */
    private static void posts(String channelId, long likes) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Map<String, Object>> posts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            posts.add(Map.of("externalId", "p" + i, "postedAt", now.minusDays(i + 1).toString(), "format", "PHOTO",
                    "likes", likes, "comments", likes / 20));
        }
        Fixtures.post("/api/v1/channels/" + channelId + "/posts", Map.of("posts", posts)).statusCode(200);
    }

    private static void refreshBaselines() {
        given().header("X-API-Key", TestKeys.ADMIN).post("/api/v1/metrics/peer-baselines/refresh").then().statusCode(200);
    }

    private ValidatableResponse search(Map<String, Object> brief) {
        Map<String, Object> body = new HashMap<>(brief);
        body.putIfAbsent("cities", List.of(city));
        return Fixtures.post("/api/v1/discovery/searches", body).statusCode(200);
    }

    @Test
    void nicheFitBeatsEngagementUnderDefaultWeightsAndEngagementWinsWhenWeighted() {
        // X MICRO is this test's peer group: A has rate 0.00525, B 0.105; percentiles 0 and 1/2. The baselines are
        // refreshed first so that no earlier group (e.g. deleted demo creators) judges A's authenticity.
        refreshBaselines();
        String[] a = creator("X", 20_000, Map.of("skincare", 1.0), Map.of());
        String[] b = creator("X", 20_000, Map.of("makeup", 1.0), Map.of());
        posts(a[1], 100);
        posts(b[1], 2_000);
        refreshBaselines();
        Map<String, Object> brief = Map.of("niches", List.of(Map.of("niche", "skincare", "weight", 1.0)), "platforms", List.of("X"));
        // Default weights 0.4 / 0.35 / 0.25:
        //   A = 0.4 × 1   + 0.35 × 0   + 0.25 × 0.625 = 0.55625
        //   B = 0.4 × 0.2 + 0.35 × 0.5 + 0.25 × 0.625 = 0.41125   (makeup vs skincare: cos = 0.25 / 1.25 = 0.2)
        search(brief)
                .body("total", is(2))
                .body("weights.nicheFit", closeTo(0.4, 1e-12))
                .body("results.influencer.id", contains(a[0], b[0]))
                .body("results[0].score", closeTo(0.55625, 1e-6))
                .body("results[1].score", closeTo(0.41125, 1e-6))
                .body("results[1].components.nicheFit", closeTo(0.2, 1e-6))
                .body("results[1].components.engagement", closeTo(0.5, 1e-12))
                .body("results[0].rank", is(1))
                .body("results[1].reasons", hasItem(containsString("higher than 50 %")));
        // Weights 0.1 / 0.9 / 0: A = 0.1 × 1 = 0.1; B = 0.1 × 0.2 + 0.9 × 0.5 = 0.47.
        Map<String, Object> weighted = new HashMap<>(brief);
        weighted.put("weights", Map.of("nicheFit", 1, "engagement", 9, "reputation", 0));
        search(weighted)
                .body("weights.nicheFit", closeTo(0.1, 1e-12))
                .body("weights.engagement", closeTo(0.9, 1e-12))
                .body("results.influencer.id", contains(b[0], a[0]))
                .body("results[0].score", closeTo(0.47, 1e-6))
                .body("results[1].score", closeTo(0.1, 1e-6));
    }

    @Test
    void aParentNicheEarnsPartialCreditAndAnUnrelatedOneNone() {
        String[] parent = creator("INSTAGRAM", 20_000, Map.of("beauty", 1.0), Map.of());
        String[] sibling = creator("INSTAGRAM", 20_000, Map.of("makeup", 1.0), Map.of());
        creator("INSTAGRAM", 20_000, Map.of("gaming", 1.0), Map.of());
        // Brief skincare expands to (skincare 1, beauty 0.5), |v| = √1.25.
        //   beauty creator: 0.5 / √1.25 = 0.4472135955;  makeup creator (makeup 1, beauty 0.5): 0.25 / 1.25 = 0.2; gaming: 0, left out.
        search(Map.of("niches", List.of(Map.of("niche", "skincare", "weight", 1.0))))
                .body("total", is(2))
                .body("results.influencer.id", contains(parent[0], sibling[0]))
                .body("results[0].components.nicheFit", closeTo(0.4472135955, 1e-6))
                .body("results[1].components.nicheFit", closeTo(0.2, 1e-6))
                .body("results[0].reasons[0]", containsString("parent"));
    }

    @Test
    void aSampleTooSmallScoresZeroEngagementWithTheReason() {
        String[] few = creator("TIKTOK", 20_000, Map.of("baking", 1.0), Map.of());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Fixtures.post("/api/v1/channels/" + few[1] + "/posts", Map.of("posts", List.of(
                Map.of("externalId", "only", "postedAt", now.minusDays(1).toString(), "format", "VIDEO", "likes", 5000, "comments", 100))))
                .statusCode(200);
        search(Map.of("niches", List.of(Map.of("niche", "baking", "weight", 1.0))))
                .body("results[0].components.engagement", is(0.0))
                .body("results[0].channel.sampleTooSmall", is(true))
                .body("results[0].reasons", hasItem(containsString("Too few posts")))
                // 0.4 × 1 + 0.35 × 0 + 0.25 × 0.625 = 0.55625
                .body("results[0].score", closeTo(0.55625, 1e-6));
    }

    @Test
    void audienceFitMultipliesTheTargetShares() {
        Map<String, Object> strong = Map.of("followers", 20_000, "platform", "INSTAGRAM", "handle", Fixtures.uniqueHandle("aud"),
                "audience", Map.of("countryShares", Map.of("ID", 0.9), "genderShares", Map.of("female", 0.8, "male", 0.2),
                        "ageShares", Map.of("18-24", 0.5, "25-34", 0.3)));
        Map<String, Object> weak = Map.of("followers", 20_000, "platform", "INSTAGRAM", "handle", Fixtures.uniqueHandle("aud"),
                "audience", Map.of("countryShares", Map.of("ID", 0.5), "genderShares", Map.of("female", 0.5, "male", 0.5),
                        "ageShares", Map.of("18-24", 0.5)));
        String[] a = creator("INSTAGRAM", 20_000, Map.of("fitness", 1.0), Map.of("channels", List.of(strong)));
        String[] b = creator("INSTAGRAM", 20_000, Map.of("fitness", 1.0), Map.of("channels", List.of(weak)));
        String[] none = creator("INSTAGRAM", 20_000, Map.of("fitness", 1.0), Map.of());
        // a: 0.9 × 0.8 × 0.5 = 0.36; b: 0.5 × 0.5 × 0.5 = 0.125; none: no audience data → 0.
        // Weights with an audience: 0.3 / 0.3 / 0.2 / 0.2 → a = 0.3 + 0.2 × 0.625 + 0.2 × 0.36 = 0.497.
        search(Map.of("niches", List.of(Map.of("niche", "fitness", "weight", 1.0)),
                "audience", Map.of("countries", List.of("ID"), "gender", "female", "ageRanges", List.of("18-24"))))
                .body("weights.audienceFit", closeTo(0.2, 1e-12))
                .body("results.influencer.id", contains(a[0], b[0], none[0]))
                .body("results[0].components.audienceFit", closeTo(0.36, 1e-9))
                .body("results[1].components.audienceFit", closeTo(0.125, 1e-9))
                .body("results[2].components.audienceFit", closeTo(0.0, 1e-12))
                .body("results[0].score", closeTo(0.497, 1e-6))
                .body("results[2].reasons", hasItem(containsString("No audience data")));
    }

    @Test
    void tiesAreOrderedByChannelIdAndPagesAreStable() {
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            channels.add(creator("YOUTUBE", 30_000, Map.of("travel", 1.0), Map.of())[1]);
        }
        channels.sort(String::compareTo);
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            List<String> ids = search(Map.of("niches", List.of(Map.of("niche", "travel", "weight", 1.0)), "page", page, "size", 2))
                    .body("total", is(5)).body("page", is(page))
                    .extract().path("results.channel.id");
            seen.addAll(ids);
        }
        assertEquals(channels, seen);
    }

    @Test
    void onePerInfluencerKeepsTheBestChannel() {
        Map<String, Object> second = channel("TIKTOK", 50_000);
        String[] both = creator("INSTAGRAM", 20_000, Map.of("pets", 1.0), Map.of("channels", List.of(channel("INSTAGRAM", 20_000), second)));
        search(Map.of("niches", List.of(Map.of("niche", "pets", "weight", 1.0))))
                // total counts matching channels: the creator is listed once, counted for both.
                .body("total", is(2)).body("results", hasSize(1)).body("results[0].influencer.id", is(both[0]));
        search(Map.of("niches", List.of(Map.of("niche", "pets", "weight", 1.0)), "onePerInfluencer", false))
                .body("total", is(2)).body("results", hasSize(2));
    }

    @Test
    void aCreatorWithManyChannelsTakesOnePlaceAndTheNextCreatorsStillFill() {
        // Page of 2: the best k = 2 + 5 = 7 channels are all the prolific creator's 9 (niche fit 1 against 0.2),
        // one creator alone: the search ranks 4 × 7 = 28 channels and finds the others. Page 2 (k = 9) likewise.
        List<Map<String, Object>> channels = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            channels.add(channel("INSTAGRAM", 20_000 + i));
        }
        String[] prolific = creator("INSTAGRAM", 20_000, Map.of("skincare", 1.0), Map.of("channels", channels));
        String[] makeup = creator("INSTAGRAM", 20_000, Map.of("makeup", 1.0), Map.of());
        String[] haircare = creator("INSTAGRAM", 20_000, Map.of("haircare", 1.0), Map.of());
        Map<String, Object> brief = Map.of("niches", List.of(Map.of("niche", "skincare", "weight", 1.0)), "size", 2);
        List<String> first = search(brief).body("total", is(11)).body("results", hasSize(2))
                .body("results[0].influencer.id", is(prolific[0])).extract().path("results.influencer.id");
        List<String> second = search(Map.of("niches", List.of(Map.of("niche", "skincare", "weight", 1.0)), "size", 2, "page", 1))
                .body("results", hasSize(1)).extract().path("results.influencer.id");
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        // Page 2 comes back empty unless the wider k is tried there too: each creator once over both pages.
        assertEquals(3, all.size());
        assertEquals(java.util.Set.of(prolific[0], makeup[0], haircare[0]), new java.util.HashSet<>(all));
    }

    @Test
    void filtersNarrowTheCandidates() {
        String[] base = creator("INSTAGRAM", 20_000, Map.of("music", 1.0), Map.of("bio", "Acoustic covers and sunscreen tips"));
        String[] nano = creator("INSTAGRAM", 5_000, Map.of("music", 1.0), Map.of());
        String[] malaysian = creator("INSTAGRAM", 20_000, Map.of("music", 1.0), Map.of("country", "MY", "languages", List.of("ms")));
        String[] noContact = creator("INSTAGRAM", 60_000, Map.of("music", 1.0), Map.of("contactEmail", ""));
        String[] tiktok = creator("TIKTOK", 20_000, Map.of("music", 1.0), Map.of("bio", "Karaoke nights and gambling streams"));
        Map<String, Object> music = Map.of("niche", "music", "weight", 1.0);
        // Tiers default to MICRO: the nano creator is left out.
        search(Map.of("niches", List.of(music))).body("results.influencer.id",
                containsInAnyOrder(base[0], malaysian[0], noContact[0], tiktok[0]));
        search(Map.of("niches", List.of(music), "tiers", List.of("NANO"))).body("results.influencer.id", contains(nano[0]));
        search(Map.of("niches", List.of(music), "countries", List.of("MY"))).body("results.influencer.id", contains(malaysian[0]));
        search(Map.of("niches", List.of(music), "languages", List.of("ms"))).body("results.influencer.id", contains(malaysian[0]));
        search(Map.of("niches", List.of(music), "platforms", List.of("TIKTOK"))).body("results.influencer.id", contains(tiktok[0]));
        search(Map.of("niches", List.of(music), "followers", Map.of("min", 50_000, "max", 65_000)))
                .body("results.influencer.id", contains(noContact[0]))
                .body("results[0].reasons", hasItem(containsString("close to your maximum")));
        search(Map.of("niches", List.of(music), "keywords", "sunscreen")).body("results.influencer.id", contains(base[0]));
        search(Map.of("niches", List.of(music), "excludeKeywords", List.of("gambling")))
                .body("results.influencer.id", containsInAnyOrder(base[0], malaysian[0], noContact[0]));
        search(Map.of("niches", List.of(music), "cities", List.of(city.toUpperCase()), "minReputation", 0.7)).body("total", is(0));
    }

    @Test
    void minEngagementRateKeepsEngagedChannelsAndFlagsNearMisses() {
        String[] engaged = creator("YOUTUBE", 20_000, Map.of("gadgets", 1.0), Map.of());
        String[] quiet = creator("YOUTUBE", 20_000, Map.of("gadgets", 1.0), Map.of());
        creator("YOUTUBE", 20_000, Map.of("gadgets", 1.0), Map.of()); // no posts: no engagement rate, never above a minimum
        posts(engaged[1], 1_000); // (1,000 + 50) / 20,000 = 0.0525
        posts(quiet[1], 200);     // (200 + 10) / 20,000 = 0.0105
        Map<String, Object> gadgets = Map.of("niche", "gadgets", "weight", 1.0);
        search(Map.of("niches", List.of(gadgets), "minEngagementRate", 0.03)).body("results.influencer.id", contains(engaged[0]));
        search(Map.of("niches", List.of(gadgets), "minEngagementRate", 0.05))
                .body("results.influencer.id", contains(engaged[0]))
                .body("results[0].reasons", hasItem(containsString("Engagement rate 5.3 % is close to your minimum 5.0 %")));
        search(Map.of("niches", List.of(gadgets), "minEngagementRate", 0.01)).body("total", is(2));
    }

    @Test
    void hasContactKeepsOnlyCreatorsWithAnEmail() {
        Map<String, Object> noEmail = new HashMap<>();
        noEmail.put("contactEmail", null);
        String[] with = creator("INSTAGRAM", 20_000, Map.of("comedy", 1.0), Map.of());
        creator("INSTAGRAM", 20_000, Map.of("comedy", 1.0), noEmail);
        search(Map.of("niches", List.of(Map.of("niche", "comedy", "weight", 1.0)), "hasContact", true))
                .body("results.influencer.id", contains(with[0]));
    }

    @Test
    void minAuthenticityLeavesOutChannelsWithBoughtEngagement() {
        refreshBaselines();
        String[] clean = creator("FACEBOOK", 20_000, Map.of("finance", 1.0), Map.of());
        String[] bought = creator("FACEBOOK", 20_000, Map.of("finance", 1.0), Map.of());
        posts(clean[1], 400);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Map<String, Object>> posts = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // comments / likes = 0.1 %: bought likes, authenticity 80
            posts.add(Map.of("externalId", "b" + i, "postedAt", now.minusDays(i + 1).toString(), "format", "PHOTO", "likes", 10_000, "comments", 10));
        }
        Fixtures.post("/api/v1/channels/" + bought[1] + "/posts", Map.of("posts", posts)).statusCode(200);
        search(Map.of("niches", List.of(Map.of("niche", "finance", "weight", 1.0)), "minAuthenticity", 81))
                .body("results.influencer.id", contains(clean[0]));
        search(Map.of("niches", List.of(Map.of("niche", "finance", "weight", 1.0)), "minAuthenticity", 75))
                .body("total", is(2))
                .body("results.find { it.influencer.id == '" + bought[0] + "' }.reasons", hasItem(containsString("just above your minimum 75")));
    }

    @Test
    void maxPricePerPostConvertsOtherCurrenciesAndKeepsCreatorsWithoutRateCards() {
        given().header("X-API-Key", TestKeys.ADMIN).contentType("application/json").body(Map.of("rate", 3500))
                .put("/api/v1/exchange-rates/MYR/IDR").then().statusCode(200);
        Map<String, Object> noCard = new HashMap<>();
        noCard.put("rateCard", null);
        String[] cheap = creator("INSTAGRAM", 20_000, Map.of("education", 1.0), Map.of("rateCard", Map.of("currency", "IDR", "pricePerPost", 2_000_000)));
        String[] ringgit = creator("INSTAGRAM", 20_000, Map.of("education", 1.0), Map.of("rateCard", Map.of("currency", "MYR", "pricePerPost", 1_000)));
        creator("INSTAGRAM", 20_000, Map.of("education", 1.0), Map.of("rateCard", Map.of("currency", "MYR", "pricePerPost", 2_000)));
        String[] unknown = creator("INSTAGRAM", 20_000, Map.of("education", 1.0), noCard);
        // MYR 1,000 × 3,500 = IDR 3,500,000 ≤ 5,000,000; MYR 2,000 = IDR 7,000,000 is left out.
        search(Map.of("niches", List.of(Map.of("niche", "education", "weight", 1.0)),
                "maxPricePerPost", Map.of("amount", 5_000_000, "currency", "IDR")))
                .body("results.influencer.id", containsInAnyOrder(cheap[0], ringgit[0], unknown[0]))
                .body("results.find { it.influencer.id == '" + ringgit[0] + "' }.influencer.rateCard.inBriefCurrency", closeTo(3_500_000.0, 1e-6))
                .body("results.find { it.influencer.id == '" + ringgit[0] + "' }.reasons", hasItem(containsString("MYR 1,000 ≈ IDR 3,500,000 per post (converted at your organisation's rate 3500 IDR/MYR)")))
                .body("results.find { it.influencer.id == '" + unknown[0] + "' }.reasons", hasItem(containsString("No rate card")));
    }

    private static void review(String influencerId, int rating, String campaignId) {
        Map<String, Object> body = new HashMap<>(Map.of("contentQuality", rating, "professionalism", rating, "timeliness", rating,
                "communication", rating));
        body.put("campaignId", campaignId);
        Fixtures.post("/api/v1/influencers/" + influencerId + "/reviews", body).statusCode(201);
    }

    @Test
    void reputationShrinksFewReviewsTowardThePrior() {
        String[] oneFiveStar = creator("INSTAGRAM", 20_000, Map.of("handmade", 1.0), Map.of());
        String[] twentyGood = creator("INSTAGRAM", 20_000, Map.of("handmade", 1.0), Map.of());
        review(oneFiveStar[0], 5, null);
        // Twenty reviews averaging 4.6: twelve 5-star and eight 4-star (12 × 5 + 8 × 4 = 92 = 20 × 4.6).
        for (int i = 0; i < 20; i++) {
            review(twentyGood[0], i < 12 ? 5 : 4, UUID.randomUUID().toString());
        }
        // One 5-star: (5 × 3.5 + 5) / 6 = 3.75 → (3.75 − 1) / 4 = 0.6875.
        // Twenty at 4.6: (5 × 3.5 + 92) / 25 = 4.38 → (4.38 − 1) / 4 = 0.845.
        search(Map.of("niches", List.of(Map.of("niche", "handmade", "weight", 1.0))))
                .body("results.influencer.id", contains(twentyGood[0], oneFiveStar[0]))
                .body("results[0].components.reputation", closeTo(0.845, 1e-6))
                .body("results[1].components.reputation", closeTo(0.6875, 1e-6))
                .body("results[0].reasons", hasItem(containsString("from 20 reviews")));
    }

    @Test
    void anUnresolvedIncidentPushesACreatorDown() {
        String[] flagged = creator("INSTAGRAM", 20_000, Map.of("woodwork", 1.0), Map.of());
        String[] clean = creator("INSTAGRAM", 20_000, Map.of("woodwork", 1.0), Map.of());
        review(flagged[0], 5, null);
        Map<String, Object> woodwork = Map.of("niche", "woodwork", "weight", 1.0);
        search(Map.of("niches", List.of(woodwork))).body("results.influencer.id", contains(flagged[0], clean[0]));
        Fixtures.post("/api/v1/influencers/" + flagged[0] + "/incidents", Map.of("kind", "undisclosed-ad", "severity", "MEDIUM",
                "occurredOn", java.time.LocalDate.now(ZoneOffset.UTC).minusMonths(2).toString(), "source", "https://example.com/report"))
                .statusCode(201);
        // 0.6875 − 0.25 = 0.4375 < 0.625: the clean creator now leads.
        search(Map.of("niches", List.of(woodwork)))
                .body("results.influencer.id", contains(clean[0], flagged[0]))
                .body("results[1].components.reputation", closeTo(0.4375, 1e-6));
        search(Map.of("niches", List.of(woodwork), "excludeIncidents", true)).body("results.influencer.id", contains(clean[0]));
    }

    @Test
    void aNicheAddedByAnAdminCanBeSearchedAtOnce() {
        String slug = "k-beauty-" + UUID.randomUUID().toString().substring(0, 6);
        Fixtures.post("/api/v1/niches", Map.of("slug", slug, "name", "K-beauty", "parent", "beauty")).statusCode(201);
        String[] creator = creator("INSTAGRAM", 20_000, Map.of(slug, 1.0), Map.of());
        String[] cousin = creator("INSTAGRAM", 20_000, Map.of("skincare", 1.0), Map.of());
        // The new niche and skincare share the parent: cos = 0.25 / 1.25 = 0.2.
        search(Map.of("niches", List.of(Map.of("niche", slug, "weight", 1.0))))
                .body("results.influencer.id", contains(creator[0], cousin[0]))
                .body("results[1].components.nicheFit", closeTo(0.2, 1e-6));
        Fixtures.post("/api/v1/niches", Map.of("slug", slug, "name", "Again")).statusCode(409);
        given().header("X-API-Key", TestKeys.EDITOR).contentType("application/json").body(Map.of("slug", "x-y", "name", "X"))
                .post("/api/v1/niches").then().statusCode(403);
    }

    @Test
    void invalidBriefsAreRefusedNamingTheField() {
        Map<String, Object> skincare = Map.of("niche", "skincare", "weight", 1.0);
        refused(Map.of("niches", List.of(Map.of("niche", "astrology", "weight", 1.0))), "niches[0].niche");
        refused(Map.of("weights", Map.of("nicheFit", -1, "engagement", 1, "reputation", 1)), "weights.nicheFit");
        refused(Map.of("weights", Map.of("nicheFit", 0, "engagement", 0, "reputation", 0)), "weights");
        refused(Map.of("niches", List.of(skincare), "size", 101), "size");
        refused(Map.of("tiers", List.of("GIGA")), "tiers[0]");
        refused(Map.of("followers", Map.of("min", 100, "max", 10)), "followers.min");
        refused(Map.of("countries", List.of("Indonesia")), "countries[0]");
        refused(Map.of("audience", Map.of("gender", "any")), "audience.gender");
        refused(Map.of("maxPricePerPost", Map.of("amount", 10, "currency", "RUPIAH")), "maxPricePerPost.currency");
    }

    private static void refused(Map<String, Object> brief, String field) {
        Fixtures.post("/api/v1/discovery/searches", brief).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void aPagePastTheEndIsEmptyButCounts() {
        creator("INSTAGRAM", 20_000, Map.of("home", 1.0), Map.of());
        search(Map.of("niches", List.of(Map.of("niche", "home", "weight", 1.0)), "page", 5))
                .body("total", is(1)).body("results", hasSize(0));
    }

    @Test
    void withoutNichesEveryCandidateHasNicheFitZero() {
        String[] any = creator("INSTAGRAM", 20_000, Map.of("parenting", 1.0), Map.of());
        search(Map.of()).body("results.influencer.id", contains(any[0]))
                .body("results[0].components.nicheFit", is(0.0))
                .body("results[0].channel.engagementPercentile", nullValue());
    }
}
