package dev.microscout.ingest;

import dev.microscout.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Influencer files: good and bad lines, counts, line numbers and reasons, and the same file twice. */
@QuarkusTest
class InfluencerImportApiTest {

    private static final String HEADER = "ref,displayName,bio,country,city,languages,niches,rateCurrency,ratePerPost,platform,handle,"
            + "followers,following,verified,genderShares\n";

    @Test
    void goodLinesAreStoredBadLinesAreReportedWithTheirNumberFieldAndReason() {
        String sari = Fixtures.uniqueHandle("sari");
        String budi = Fixtures.uniqueHandle("budi");
        String csv = HEADER
                // lines 2 and 3: one creator (ref c1) with two channels
                + "c1,Sari Wulandari,Skincare for humid weather,ID,Bandung,id|en,skincare:0.8|makeup:0.2,IDR,2500000,INSTAGRAM," + sari
                + ",48200,610,false,female:0.72|male:0.27\n"
                + "c1,Sari Wulandari,Skincare for humid weather,ID,Bandung,id|en,skincare:0.8|makeup:0.2,IDR,2500000,TIKTOK," + sari
                + ",9000,10,true,\n"
                // line 4: followers not a number
                + "c2,Budi,,ID,,id,food:1,,,INSTAGRAM," + budi + ",12k,300,false,\n"
                // line 5: unknown platform and an unknown country
                + "c3,Nur,,XX,,id,,,,MYSPACE," + budi + "x,100,0,false,\n"
                // line 6: one cell short
                + "c4,Short,,ID,,id,,,,INSTAGRAM," + budi + "y,100,0\n";

        String id = Imports.send("influencers", Imports.CSV, csv);
        ExtractableResponse<Response> job = Imports.awaitEnd(id);
        assertEquals("DONE", job.path("status"));
        assertEquals(5, (int) job.path("lines.total"));
        assertEquals(5, (int) job.path("lines.processed"));
        assertEquals(6, (int) job.path("lines.committedThrough"));
        assertEquals(List.of(2, 0, 0, 3), List.of(job.<Integer>path("created"), job.<Integer>path("updated"),
                job.<Integer>path("unchanged"), job.<Integer>path("failed")));

        ExtractableResponse<Response> errors = Imports.errors(id);
        List<Map<String, Object>> items = errors.path("items");
        assertEquals(List.of(4, 5, 6), items.stream().map(e -> ((Number) e.get("line")).intValue()).distinct().toList());
        Map<String, Object> followers = items.get(0);
        assertEquals("followers", followers.get("field"));
        assertEquals("must be a whole number, was \"12k\"", followers.get("reason"));
        assertTrue(((String) followers.get("raw")).startsWith("c2,Budi,,ID,,id,food:1"), (String) followers.get("raw"));
        assertTrue(items.stream().anyMatch(e -> "platform".equals(e.get("field")) && ((String) e.get("reason")).startsWith("must be one of")));
        assertTrue(items.stream().anyMatch(e -> ((Number) e.get("line")).intValue() == 6
                && ((String) e.get("reason")).equals("has 13 cells; the header has 15")));

        // The creator of lines 2 and 3 exists with both channels, exactly as the lines say.
        String influencerId = given().queryParam("size", 100).queryParam("platform", "TIKTOK")
                .queryParam("minFollowers", 48200).queryParam("maxFollowers", 48200).get("/api/v1/influencers")
                .then().statusCode(200).extract().path("items.find { it.channels.any { c -> c.handle == '" + sari + "' } }.id");
        given().get("/api/v1/influencers/" + influencerId).then().statusCode(200)
                .body("displayName", is("Sari Wulandari"))
                .body("languages", is(List.of("id", "en")))
                .body("rateCard.currency", is("IDR"))
                .body("channels.size()", is(2))
                .body("channels.find { it.platform == 'INSTAGRAM' }.audience.genderShares.female", is(0.72))
                .body("channels.find { it.platform == 'TIKTOK' }.verified", is(true))
                .body("channels.find { it.platform == 'TIKTOK' }.tier", is("NANO"))
                .body("lastChangedBy", containsString("("));

        // The same file again: what was stored is unchanged, the bad lines fail alike.
        int version = given().get("/api/v1/influencers/" + influencerId).then().extract().path("version");
        ExtractableResponse<Response> again = Imports.run("influencers", Imports.CSV, csv);
        assertEquals(List.of(0, 0, 2, 3), List.of(again.<Integer>path("created"), again.<Integer>path("updated"),
                again.<Integer>path("unchanged"), again.<Integer>path("failed")));
        given().get("/api/v1/influencers/" + influencerId).then().body("version", is(version));
    }

    @Test
    void aChangedLineUpdatesItsChannelAndTheProfileOfItsCreator() {
        String handle = Fixtures.uniqueHandle("edit");
        String first = HEADER + "r1,Dewi,,ID,,id,,,,INSTAGRAM," + handle + ",9000,0,false,\n";
        assertEquals(1, (int) Imports.run("influencers", Imports.CSV, first).path("created"));
        // Followers across the micro boundary, and a new city: one line, updated; the tier follows.
        String second = HEADER + "r1,Dewi,,ID,Jakarta,id,,,,INSTAGRAM," + handle + ",10000,0,false,\n";
        ExtractableResponse<Response> job = Imports.run("influencers", Imports.CSV, second);
        assertEquals(List.of(0, 1, 0, 0), List.of(job.<Integer>path("created"), job.<Integer>path("updated"),
                job.<Integer>path("unchanged"), job.<Integer>path("failed")));
        given().queryParam("platform", "INSTAGRAM").queryParam("minFollowers", 10000).queryParam("maxFollowers", 10000)
                .queryParam("size", 100).get("/api/v1/influencers").then()
                .body("items.findAll { it.channels.any { c -> c.handle == '" + handle + "' } }.city", hasItem("Jakarta"))
                .body("items.findAll { it.channels.any { c -> c.handle == '" + handle + "' } }.tier", hasItem("MICRO"));
    }

    @Test
    void bomQuotedDelimitersNewLinesInsideFieldsAndSemicolonsAreRead() {
        String handle = Fixtures.uniqueHandle("bom");
        // A spreadsheet's export: BOM, semicolons between cells, a quoted bio holding a semicolon, a comma and a new line.
        String csv = "\uFEFFref;displayName;bio;country;platform;handle;followers\n"
                + "b1;\"Lia, the baker\";\"Bread; cakes,\nand \"\"sourdough\"\"\";ID;INSTAGRAM;" + handle + ";15000\n";
        String id = Imports.send("influencers", Imports.CSV, csv);
        ExtractableResponse<Response> job = Imports.awaitEnd(id);
        assertEquals(";", job.path("delimiter"));
        assertEquals(1, (int) job.path("created"), () -> Imports.errors(id).asString());
        given().queryParam("minFollowers", 15000).queryParam("maxFollowers", 15000).queryParam("size", 100)
                .get("/api/v1/influencers").then()
                .body("items.find { it.channels.any { c -> c.handle == '" + handle + "' } }.displayName", is("Lia, the baker"))
                .body("items.find { it.channels.any { c -> c.handle == '" + handle + "' } }.bio", is("Bread; cakes,\nand \"sourdough\""));
    }

    @Test
    void aColumnsMappingReadsAnotherToolsHeader() {
        String handle = Fixtures.uniqueHandle("map");
        String csv = "Creator name,Country code,Network,IG handle,Audience size,Owner\n"
                + "Rani,ID,INSTAGRAM," + handle + ",22000,alice@crm\n";
        String id = Imports.send("influencers", Imports.CSV, csv, "columns",
                "{\"Creator name\":\"displayName\",\"Country code\":\"country\",\"Network\":\"platform\",\"IG handle\":\"handle\","
                        + "\"Audience size\":\"followers\"}");
        ExtractableResponse<Response> job = Imports.awaitEnd(id);
        assertEquals(1, (int) job.path("created"), () -> Imports.errors(id).asString());
        assertEquals(List.of("Owner"), job.path("ignoredColumns"));

        // A mapped column's error names the file's own header.
        String bad = "Creator name,Country code,Network,IG handle,Audience size\nRani,ID,INSTAGRAM," + handle + "b,many\n";
        String badId = Imports.send("influencers", Imports.CSV, bad, "columns",
                "{\"Creator name\":\"displayName\",\"Country code\":\"country\",\"Network\":\"platform\",\"IG handle\":\"handle\","
                        + "\"Audience size\":\"followers\"}");
        Imports.awaitEnd(badId);
        Imports.errors(badId).response().then().body("items[0].field", is("Audience size")).body("items[0].line", is(2));
    }

    @Test
    void aHeaderWithoutARequiredColumnOrAnUnknownMappingIsRefusedAtOnce() {
        given().contentType(Imports.CSV).body("displayName,country,platform,followers\nA,ID,INSTAGRAM,1\n")
                .queryParam("kind", "influencers").post("/api/v1/imports").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("header"))
                .body("errors[0].message", containsString("no column for handle"));
        given().contentType(Imports.CSV).body("a\n").queryParam("kind", "influencers")
                .queryParam("columns", "{\"a\":\"folowers\"}").post("/api/v1/imports").then().statusCode(400)
                .body("errors[0].field", is("columns")).body("errors[0].message", containsString("\"folowers\""));
        given().contentType(Imports.CSV).body("a\n").queryParam("kind", "people").post("/api/v1/imports").then().statusCode(400)
                .body("errors[0].field", is("kind"));
        given().contentType(Imports.CSV).body("a\n").post("/api/v1/imports").then().statusCode(400).body("errors[0].field", is("kind"));
    }

    @Test
    void ndjsonInfluencersReadTheSameNamesWithJsonValues() {
        String handle = Fixtures.uniqueHandle("nd");
        String ndjson = "{\"ref\":\"n1\",\"displayName\":\"Ayu\",\"country\":\"ID\",\"languages\":[\"id\"],"
                + "\"niches\":[{\"niche\":\"baking\",\"weight\":1}],\"platform\":\"TIKTOK\",\"handle\":\"" + handle + "\","
                + "\"followers\":30500,\"genderShares\":{\"female\":0.6}}\n"
                + "not json\n"
                + "[1,2]\n"
                // line 4: a NUL the database could not store, refused by the API's rule for text
                + "{\"displayName\":\"A\\u0000B\",\"country\":\"ID\",\"platform\":\"X\",\"handle\":\"" + handle + "x\",\"followers\":1}\n";
        String id = Imports.send("influencers", Imports.NDJSON, ndjson);
        ExtractableResponse<Response> job = Imports.awaitEnd(id);
        assertEquals(List.of(1, 3), List.of(job.<Integer>path("created"), job.<Integer>path("failed")));
        ExtractableResponse<Response> errors = Imports.errors(id);
        assertEquals(List.of(2, 3, 4), errors.path("items.line"));
        assertEquals("displayName", errors.path("items[2].field"));
        assertEquals(dev.microscout.common.StorableText.MESSAGE, errors.path("items[2].reason"));
        assertTrue(errors.<String>path("items[0].reason").startsWith("is not valid JSON"));
        assertEquals("is not a JSON object", errors.path("items[1].reason"));
    }
}
