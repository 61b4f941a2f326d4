package dev.microscout.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Standard Webhooks 1.0 symmetric signatures: a secret is {@code whsec_} + base64 of random bytes, and a signature
 * is {@code v1,} + base64 of HMAC-SHA256 over {@code id.timestamp.body}, keyed with the decoded secret.
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    /** 192 bits, the least the specification allows, and a base64 text without padding. */
    static final int SECRET_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret as shown to its owner. */
    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The key a secret stands for: the bytes after the prefix. */
    public static byte[] key(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }

    /** One signature: {@code v1,} + base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)). */
    public static String sign(byte[] key, String messageId, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** The webhook-signature header: one signature per key, space-separated (the current key first). */
    public static String header(List<byte[]> keys, String messageId, long timestamp, String body) {
        return keys.stream().map(key -> sign(key, messageId, timestamp, body)).collect(Collectors.joining(" "));
    }
}
