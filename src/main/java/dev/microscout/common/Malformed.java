package dev.microscout.common;

import java.util.List;

/** The body or a parameter cannot be read at all: broken JSON, a wrong type, an unknown enum value. */
public class Malformed extends ApiException {
    public Malformed(String detail, List<FieldError> errors) {
        super(400, ProblemTypes.MALFORMED, "Malformed request", detail, errors, null);
    }
}
