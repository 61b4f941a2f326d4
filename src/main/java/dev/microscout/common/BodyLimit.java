package dev.microscout.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Answers a body announced larger than 1 MiB with a 413 problem before anything reads it. Bodies without a
 * Content-Length are still cut by quarkus.http.limits.max-body-size, with a bare 413.
 */
@ApplicationScoped
public class BodyLimit {

    static final long MAX_BODY_BYTES = 1024 * 1024;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(-1000).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long bytes;
            try {
                bytes = length == null ? 0 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                bytes = 0;
            }
            if (bytes <= MAX_BODY_BYTES) {
                ctx.next();
                return;
            }
            Problem problem = new Problem(ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large", 413,
                    "The request body is " + bytes + " bytes; the service accepts at most 1 MiB (" + MAX_BODY_BYTES + " bytes)",
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
