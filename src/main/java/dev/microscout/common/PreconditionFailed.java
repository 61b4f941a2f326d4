package dev.microscout.common;

/** The If-Match header names a version that is no longer current: somebody else wrote first. */
public class PreconditionFailed extends ApiException {
    public PreconditionFailed(String detail) {
        super(412, ProblemTypes.PRECONDITION_FAILED, "Precondition failed", detail, null, null);
    }
}
