package dev.microscout.security;

import dev.microscout.support.Fixtures;
import dev.microscout.support.TestKeys;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Swagger UI in a real browser: authorize with a VIEWER key, execute the influencer list, see 200 with data.
 * Needs Debian's chromium and npm's playwright-core (.ci/install-browser installs both); without them the test
 * is skipped on a developer machine and fails in CI.
 */
@QuarkusTest
class SwaggerUiBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void anAgencyAuthorizesAndListsInfluencersInTheSwaggerUi() throws Exception {
        boolean tools = Files.isExecutable(Path.of("/usr/bin/chromium"))
                && Files.isDirectory(Path.of("target/tools/node_modules/playwright-core"));
        if (System.getenv("CI") != null) {
            assertTrue(tools, "CI must install chromium and playwright-core (.ci/install-browser)");
        }
        assumeTrue(tools, "chromium or playwright-core missing: run .ci/install-browser");
        Fixtures.create(Fixtures.influencer(Fixtures.channel("INSTAGRAM", 25000)));

        String baseUrl = base.toString().replaceAll("/$", "");
        Process node = new ProcessBuilder("node", "src/test/browser/swagger-ui.mjs", baseUrl, TestKeys.VIEWER,
                "target/swagger-ui.png").inheritIO().start();
        assertTrue(node.waitFor(90, TimeUnit.SECONDS), "the browser run did not finish in 90 s");
        assertEquals(0, node.exitValue(), "the Swagger UI run failed (see the output above)");
    }
}
