package dev.microscout.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API keys look like {@code msk_<prefix>_<secret>}: an 8-character public prefix that finds the stored
 * row, and 256 random bits. Only the SHA-256 of the whole key is stored; a fast hash is enough because
 * the secret is random, not a password.
 */
public final class ApiKeyFormat {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private ApiKeyFormat() {
    }

    public static String generate() {
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            prefix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return "msk_" + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The public prefix of a well-formed key, or null. */
    public static String prefixOf(String key) {
        if (key == null || !key.startsWith("msk_") || key.length() < 4 + 8 + 1 + 32 || key.length() > 200) {
            return null;
        }
        int end = key.indexOf('_', 4);
        if (end != 12) {
            return null;
        }
        return key.substring(4, end);
    }

    /** What a log may show of a key (or of its prefix alone): the public prefix, never the secret. */
    public static String masked(String keyOrPrefix) {
        String prefix = keyOrPrefix.startsWith("msk_") ? prefixOf(keyOrPrefix) : keyOrPrefix;
        return "msk_" + (prefix == null ? "?" : prefix) + "_…";
    }

    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares hashes in constant time. */
    public static boolean matches(String key, String storedHash) {
        return MessageDigest.isEqual(hash(key).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
