package dev.microscout.security;

import java.util.List;

/**
 * The API key a request presents, read the same way by authentication and by the rate limiter: X-API-Key, or
 * Authorization: Bearer. A request that presents more than one (the header twice, a comma-joined value, or a key
 * in both headers) is ambiguous and is refused before anything else runs.
 *
 * @param key       the key, or null when the request presents none (or is ambiguous)
 * @param header    for an ambiguous request, the header at fault
 * @param ambiguity for an ambiguous request, why
 */
public record PresentedKey(String key, String header, String ambiguity) {

    public static final String X_API_KEY = "X-API-Key";
    public static final String AUTHORIZATION = "Authorization";
    private static final PresentedKey NONE = new PresentedKey(null, null, null);

    public static PresentedKey of(List<String> xApiKey, List<String> authorization) {
        List<String> keys = xApiKey == null ? List.of() : xApiKey.stream().filter(v -> v != null && !v.isBlank()).toList();
        List<String> bearers = authorization == null ? List.of()
                : authorization.stream().filter(v -> v != null && v.regionMatches(true, 0, "Bearer ", 0, 7)).toList();
        if (keys.size() > 1 || keys.size() == 1 && keys.get(0).contains(",")) {
            return ambiguous(X_API_KEY, "is sent more than once; send one key");
        }
        if (authorization != null && authorization.size() > 1) {
            return ambiguous(AUTHORIZATION, "is sent more than once; send one key");
        }
        if (!keys.isEmpty() && !bearers.isEmpty()) {
            return ambiguous(X_API_KEY, "and Authorization: Bearer both carry a key; send it in one of them");
        }
        if (!keys.isEmpty()) {
            return new PresentedKey(keys.get(0).trim(), null, null);
        }
        if (!bearers.isEmpty()) {
            String token = bearers.get(0).substring(7).trim();
            return token.isEmpty() ? NONE : new PresentedKey(token, null, null);
        }
        return NONE;
    }

    private static PresentedKey ambiguous(String header, String why) {
        return new PresentedKey(null, header, why);
    }

    public boolean isAmbiguous() {
        return ambiguity != null;
    }
}
