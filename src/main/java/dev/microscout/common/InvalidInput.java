package dev.microscout.common;

import java.util.List;

/** The request is well-formed but breaks a rule; every broken rule is listed with its field. */
public class InvalidInput extends ApiException {
    public InvalidInput(List<FieldError> errors) {
        super(400, ProblemTypes.VALIDATION, "Invalid request", describe(errors), errors, null);
    }

    public InvalidInput(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    private static String describe(List<FieldError> errors) {
        if (errors.size() == 1) {
            return errors.get(0).field() + " " + errors.get(0).message();
        }
        return errors.size() + " fields are invalid";
    }
}
