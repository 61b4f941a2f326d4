package dev.microscout.common;

import java.util.UUID;

/**
 * A response body that carries a secret shown once (a new API key, a webhook secret). Nothing that keeps
 * responses, such as the idempotency store, may keep it: a replay answers that the secret was already issued.
 */
public interface ShownOnce {

    /** The id of what was issued, which a replay may name. */
    UUID issuedId();

    /** What was issued, in words: "API key". */
    String issuedWhat();
}
