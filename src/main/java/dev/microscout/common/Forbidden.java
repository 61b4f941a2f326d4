package dev.microscout.common;

/**
 * The caller's role would allow the operation, but not on this resource: e.g. an incident another organisation
 * reported. The detail says why, so the client knows whom to ask.
 */
public class Forbidden extends ApiException {
    public Forbidden(String detail) {
        super(403, ProblemTypes.FORBIDDEN, "Forbidden", detail, null, null);
    }
}
