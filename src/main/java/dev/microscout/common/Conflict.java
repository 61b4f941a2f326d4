package dev.microscout.common;

import java.util.List;
import java.util.Map;

/** The request clashes with the current state, e.g. a handle another channel already has. */
public class Conflict extends ApiException {
    public Conflict(String detail, String field, Map<String, Object> extensions) {
        super(409, ProblemTypes.CONFLICT, "Conflict", detail,
                field == null ? null : List.of(new FieldError(field, detail)), extensions);
    }
}
