package dev.microscout.discovery;

import dev.microscout.support.Fixtures;
import dev.microscout.support.Organisations;
import dev.microscout.support.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.microscout.support.Fixtures.channel;
import static dev.microscout.support.Fixtures.influencer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/**
 * Each organisation keeps its own exchange rates over the operators' defaults. The tests use pairs no other test
 * sets (SGD and CHF against IDR) and organisations of their own, so the only rates in play are those set here.
 */
@QuarkusTest
class ExchangeRateApiTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static ValidatableResponse putRate(String key, String pair, double rate) {
        return given().header("X-API-Key", key).contentType("application/json").body(Map.of("rate", rate))
                .put("/api/v1/exchange-rates/" + pair).then();
    }

    private static ValidatableResponse search(String key, String city) {
        return given().header("X-API-Key", key).contentType("application/json")
                .body(Map.of("cities", List.of(city), "maxPricePerPost", Map.of("amount", 4_500_000, "currency", "IDR")))
                .post("/api/v1/discovery/searches").then().statusCode(200);
    }

    @Test
    void anOrganisationsOwnRateChangesItsSearchesAloneAndTheReasonNamesTheTable() {
        Organisations.Organisation own = Organisations.create();
        Organisations.Organisation plain = Organisations.create();
        putRate(TestKeys.OPERATOR, "SGD/IDR", 11_000).statusCode(200).body("table", is("operators"));
        putRate(own.admin(), "SGD/IDR", 12_000).statusCode(200).body("table", is("organisation")).body("rate", is(12000.0));

        String city = "Ratecity " + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = influencer(channel("INSTAGRAM", 20_000));
        body.put("city", city);
        body.put("rateCard", Map.of("currency", "SGD", "pricePerPost", 400));
        String id = Fixtures.create(body);

        // SGD 400 × 11,000 = IDR 4,400,000 at the operators' default: within IDR 4,500,000.
        search(plain.admin(), city).body("results.influencer.id", contains(id))
                .body("results[0].influencer.rateCard.inBriefCurrency", closeTo(4_400_000.0, 1e-6))
                .body("results[0].reasons", hasItem("Rate card SGD 400 ≈ IDR 4,400,000 per post (converted at the operators' "
                        + "default rate 11000 IDR/SGD), within your IDR 4,500,000 (close to your limit)"));
        // SGD 400 × 12,000 = IDR 4,800,000 at the organisation's own rate: over the limit, so left out for it alone.
        search(own.admin(), city).body("total", is(0)).body("results", empty());

        putRate(own.admin(), "SGD/IDR", 10_000).statusCode(200);
        // SGD 400 × 10,000 = IDR 4,000,000.
        search(own.editor(), city).body("results.influencer.id", contains(id))
                .body("results[0].influencer.rateCard.inBriefCurrency", closeTo(4_000_000.0, 1e-6))
                .body("results[0].reasons", hasItem("Rate card SGD 400 ≈ IDR 4,000,000 per post (converted at your "
                        + "organisation's rate 10000 IDR/SGD), within your IDR 4,500,000"));
        search(plain.admin(), city).body("results[0].influencer.rateCard.inBriefCurrency", closeTo(4_400_000.0, 1e-6));

        // Without its own rate the organisation is back on the operators' default.
        given().header("X-API-Key", own.admin()).delete("/api/v1/exchange-rates/SGD/IDR").then().statusCode(204);
        given().header("X-API-Key", own.admin()).delete("/api/v1/exchange-rates/SGD/IDR").then().statusCode(404);
        search(own.admin(), city).body("results[0].influencer.rateCard.inBriefCurrency", closeTo(4_400_000.0, 1e-6));
    }

    @Test
    void theListShowsTheRatesThatApplyWithTheirTable() {
        Organisations.Organisation own = Organisations.create();
        putRate(TestKeys.OPERATOR, "CHF/IDR", 18_000).statusCode(200);
        putRate(TestKeys.OPERATOR, "CHF/MYR", 5).statusCode(200);
        // Its own rate for IDR → CHF overrides the default for the pair, whichever the direction.
        putRate(own.admin(), "IDR/CHF", 0.00005).statusCode(200);

        given().header("X-API-Key", own.editor()).get("/api/v1/exchange-rates").then().statusCode(200)
                .body("find { it.base == 'IDR' && it.quote == 'CHF' }.table", is("organisation"))
                .body("find { it.base == 'CHF' && it.quote == 'MYR' }.table", is("operators"))
                .body("findAll { it.base == 'CHF' && it.quote == 'IDR' }", empty());
        given().header("X-API-Key", TestKeys.VIEWER).get("/api/v1/exchange-rates").then().statusCode(200)
                .body("find { it.base == 'CHF' && it.quote == 'IDR' }.rate", is(18000.0))
                .body("find { it.base == 'CHF' && it.quote == 'IDR' }.table", is("operators"))
                .body("findAll { it.base == 'IDR' && it.quote == 'CHF' }", empty());
        // Another organisation's rates are not listed, and nobody but an operator changes the defaults.
        given().header("X-API-Key", TestKeys.ADMIN).delete("/api/v1/exchange-rates/CHF/MYR").then().statusCode(404);
        given().header("X-API-Key", TestKeys.OPERATOR).get("/api/v1/exchange-rates").then()
                .body("find { it.base == 'CHF' && it.quote == 'MYR' }.table", is("operators"))
                .body("findAll { it.base == 'IDR' && it.quote == 'CHF' }", empty());
        given().header("X-API-Key", own.editor()).delete("/api/v1/exchange-rates/IDR/CHF").then().statusCode(403);
        given().header("X-API-Key", own.admin()).delete("/api/v1/exchange-rates/IDR/CH").then().statusCode(400);
    }
}
