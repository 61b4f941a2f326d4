package dev.microscout.common;

import com.fasterxml.jackson.core.JsonProcessingException;

/** A Jackson failure met inside a service (e.g. applying a merge patch), reported like a body that cannot be read. */
public class UnreadableJson extends RuntimeException {
    public UnreadableJson(JsonProcessingException cause) {
        super(cause);
    }

    @Override
    public synchronized JsonProcessingException getCause() {
        return (JsonProcessingException) super.getCause();
    }
}
