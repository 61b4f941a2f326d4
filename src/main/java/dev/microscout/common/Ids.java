package dev.microscout.common;

import java.util.UUID;

/** Path ids arrive as text so that a malformed one is a 400 naming the parameter, not a bare 404. */
public final class Ids {
    private Ids() {
    }

    public static UUID parse(String parameter, String raw) {
        try {
            if (raw == null || raw.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(parameter, "must be a UUID, e.g. 3f2b8c1e-5d4a-4e6b-9a7c-1b2d3e4f5a6b");
        }
    }
}
