package dev.microscout.ingest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every file of docs/examples imports without a failed line, in the order the examples' README gives. */
@QuarkusTest
class ExampleFilesTest {

    private static final Path EXAMPLES = Path.of("docs/examples");

    @Test
    void everyExampleFileImportsCleanly() throws Exception {
        record Example(String file, String kind, String type, String[] query) {
        }
        List<Example> examples = List.of(
                new Example("influencers.csv", "influencers", Imports.CSV, new String[0]),
                new Example("influencers.ndjson", "influencers", Imports.NDJSON, new String[0]),
                new Example("crm-export.csv", "influencers", Imports.CSV, new String[]{"columns",
                        "{\"Creator name\":\"displayName\",\"Country code\":\"country\",\"Network\":\"platform\",\"Account\":\"handle\","
                                + "\"Audience size\":\"followers\"}"}),
                new Example("posts.csv", "posts", Imports.CSV, new String[0]),
                new Example("posts.ndjson", "posts", Imports.NDJSON, new String[0]),
                new Example("snapshots.csv", "snapshots", Imports.CSV, new String[0]),
                new Example("snapshots.ndjson", "snapshots", Imports.NDJSON, new String[0]));
        for (Example example : examples) {
            String file = Files.readString(EXAMPLES.resolve(example.file()));
            String id = Imports.send(example.kind(), example.type(), file, example.query());
            ExtractableResponse<Response> job = Imports.awaitEnd(id);
            assertEquals("DONE", job.path("status"), example.file());
            assertEquals(0, (int) job.path("failed"), () -> example.file() + ": " + Imports.errors(id).asString());
            long lines = file.lines().filter(l -> !l.isBlank()).count() - (example.type().startsWith("text/csv") ? 1 : 0);
            assertEquals(lines, (int) job.path("lines.processed"), example.file());
        }
    }
}
