package dev.microscout.common;

/** The addressed resource does not exist (or is not visible to the caller). */
public class NotFound extends ApiException {
    public NotFound(String what, Object id) {
        super(404, ProblemTypes.NOT_FOUND, "Not found", what + " " + id + " does not exist", null, null);
    }
}
