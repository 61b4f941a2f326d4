package dev.microscout.common;

import java.util.List;

/** A write that could overwrite somebody else's change came without If-Match. */
public class PreconditionRequired extends ApiException {
    public PreconditionRequired() {
        super(428, ProblemTypes.PRECONDITION_REQUIRED, "Precondition required",
                "Send the ETag of your last read in If-Match, so that a concurrent change is not overwritten",
                List.of(new FieldError("If-Match", "is required for this write")), null);
    }
}
