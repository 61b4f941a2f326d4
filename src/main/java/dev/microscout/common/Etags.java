package dev.microscout.common;

/** Strong ETags built from an entity's version, and the If-Match check that guards writes. */
public final class Etags {
    private Etags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Accepts "N", W/"N" or * . A missing header is refused (428): a write without it could silently
     * overwrite somebody else's change.
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequired();
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(of(currentVersion))) {
                return;
            }
        }
        throw new PreconditionFailed("If-Match " + ifMatch.trim() + " does not match the current ETag "
                + of(currentVersion) + "; read the resource again and retry");
    }
}
