package dev.microscout.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Answers a body announced larger than 1 MiB with a 413 problem before anything reads it; a body without a
 * Content-Length is cut at 1 MiB as it is read. Only an import upload (POST /api/v1/imports) may be larger: the
 * global quarkus.http.limits.max-body-size is the import's limit, and every other request is held to 1 MiB here.
 */
@ApplicationScoped
public class BodyLimit {

    static final long MAX_BODY_BYTES = 1024 * 1024;

    @Inject
    ObjectMapper json;
    /** Kept equal to quarkus.http.limits.max-body-size, which would answer a larger file with a bare 413. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "microscout.imports.max-file-size")
    io.quarkus.runtime.configuration.MemorySize importLimit;

    /** The one path whose body may exceed 1 MiB: it is streamed to disk, never held in memory. */
    static final String IMPORTS = "/api/v1/imports";

    static boolean isImportUpload(io.vertx.core.http.HttpServerRequest request) {
        return request.method() == io.vertx.core.http.HttpMethod.POST
                && (IMPORTS.equals(request.path()) || (IMPORTS + "/").equals(request.path()));
    }

    void install(@Observes Router router) {
        // After Quarkus' own limit handler (which records the global limit for bodies without a length): other
        // requests get the 1 MiB limit back.
        router.route().order(io.quarkus.vertx.http.runtime.RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(ctx -> {
            if (!isImportUpload(ctx.request())) {
                ctx.put(io.quarkus.vertx.http.runtime.VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, MAX_BODY_BYTES);
            }
            ctx.next();
        });
        router.route().order(-1000).handler(ctx -> {
            boolean importUpload = isImportUpload(ctx.request());
            long limit = importUpload ? importLimit.asLongValue() : MAX_BODY_BYTES;
            String length = ctx.request().getHeader("Content-Length");
            long bytes;
            try {
                bytes = length == null ? 0 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                bytes = 0;
            }
            if (bytes <= limit) {
                ctx.next();
                return;
            }
            String detail = importUpload
                    ? "The file is " + bytes + " bytes; an import accepts at most " + limit + " bytes (microscout.imports.max-file-size)"
                    : "The request body is " + bytes + " bytes; the service accepts at most 1 MiB (" + MAX_BODY_BYTES + " bytes)";
            Problem problem = new Problem(ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large", 413, detail,
                    ctx.request().path(), null, null);
            String body;
            try {
                body = json.writeValueAsString(problem);
            } catch (JsonProcessingException e) {
                body = "{\"status\":413}";
            }
            ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection", "close").end(body);
        });
    }
}
