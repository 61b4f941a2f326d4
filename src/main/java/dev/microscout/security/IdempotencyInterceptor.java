package dev.microscout.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscout.common.ApiException;
import dev.microscout.common.FieldError;
import dev.microscout.common.Problem;
import dev.microscout.common.ProblemTypes;
import dev.microscout.common.ShownOnce;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Idempotency-Key on creating POSTs. The first request with a key claims it and its response (status,
 * Location, ETag, body) is stored for 24 hours; the same key and body replays that response without
 * doing the work again; the same key with another body is 422; a request arriving while the first is
 * still running gets 409 and may retry. Keys are scoped to the organisation of the caller. A response that
 * carries a secret ({@link ShownOnce}) is never stored: its replay is a 409 naming what was issued.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final List<String> KEPT_HEADERS = List.of("Location", "ETag");

    @Inject
    HttpServerRequest http;
    @Inject
    Caller caller;
    @Inject
    IdempotencyStore store;
    @Inject
    ObjectMapper json;

    @AroundInvoke
    Object guard(InvocationContext invocation) throws Exception {
        String key = http.getHeader(HEADER);
        if (key == null || key.isBlank() || !caller.isAuthenticated()) {
            return invocation.proceed();
        }
        if (key.length() > 255) {
            throw new InvalidKey("must be at most 255 characters");
        }
        UUID organisation = caller.organisationId();
        String hash = fingerprint(invocation);
        Optional<IdempotencyStore.Claim> claim = store.claim(organisation, key, hash);
        if (claim.isEmpty()) {
            IdempotencyStore.Stored stored = store.find(organisation, key);
            if (stored == null) {
                throw new InProgress();
            }
            if (!stored.requestHash().equals(hash)) {
                throw new KeyReused();
            }
            if (!stored.completed()) {
                throw new InProgress();
            }
            return replay(stored);
        }
        Object result;
        try {
            result = invocation.proceed();
        } catch (Exception | Error e) {
            store.release(claim.get());
            throw e;
        }
        if (result instanceof Response response && response.getStatus() < 500) {
            if (response.getEntity() instanceof ShownOnce secret) {
                // The secret lives in this response alone: a replay learns that it was issued, and its id.
                store.complete(claim.get(), 409, null, json.writeValueAsString(alreadyIssued(secret)));
                return result;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : KEPT_HEADERS) {
                if (response.getHeaderString(name) != null) {
                    headers.put(name, response.getHeaderString(name));
                }
            }
            store.complete(claim.get(), response.getStatus(), json.writeValueAsString(headers),
                    response.getEntity() == null ? null : json.writeValueAsString(response.getEntity()));
        } else {
            store.release(claim.get());
        }
        return result;
    }

    private Problem alreadyIssued(ShownOnce secret) {
        return new Problem(ProblemTypes.BASE + "secret-already-issued", "Already issued", 409,
                "The " + secret.issuedWhat() + " " + secret.issuedId() + " was issued by the first request with this "
                        + "Idempotency-Key; its secret was shown in that response only and cannot be shown again. "
                        + "If it was lost, revoke it and create a new one.",
                http.path(), List.of(new FieldError(HEADER, "already issued " + secret.issuedWhat() + " " + secret.issuedId())),
                Map.of("issuedId", secret.issuedId()));
    }

    private Response replay(IdempotencyStore.Stored stored) throws JsonProcessingException {
        Response.ResponseBuilder builder = Response.status(stored.status()).header(REPLAYED, "true");
        if (stored.headers() != null) {
            Map<String, String> headers = json.readValue(stored.headers(), new TypeReference<Map<String, String>>() {
            });
            headers.forEach(builder::header);
        }
        if (stored.body() != null) {
            builder.entity(stored.body()).type(stored.status() >= 400 ? Problem.MEDIA_TYPE : MediaType.APPLICATION_JSON);
        }
        return builder.build();
    }

    /** Path and body (as canonical JSON of the parsed arguments): what makes two requests "the same". */
    private String fingerprint(InvocationContext invocation) throws JsonProcessingException {
        StringBuilder material = new StringBuilder(http.method().name()).append(' ').append(http.path());
        for (Object parameter : invocation.getParameters()) {
            material.append('\n').append(json.writeValueAsString(parameter));
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(material.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final class KeyReused extends ApiException {
        public KeyReused() {
            super(422, ProblemTypes.BASE + "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was already used with a different request; use a new key for a new request",
                    List.of(new FieldError(HEADER, "was used with another body")), null);
        }
    }

    public static final class InProgress extends ApiException {
        public InProgress() {
            super(409, ProblemTypes.BASE + "idempotency-in-progress", "Request in progress",
                    "A request with this Idempotency-Key is still running; retry in a moment to get its response",
                    List.of(new FieldError(HEADER, "is in use by a running request")), null);
        }
    }

    public static final class InvalidKey extends ApiException {
        public InvalidKey(String message) {
            super(400, ProblemTypes.VALIDATION, "Invalid request", HEADER + " " + message,
                    List.of(new FieldError(HEADER, message)), null);
        }
    }
}
