package dev.microscout.webhook;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * Seals webhook secrets for storage with AES-256-GCM: a random 12-byte nonce, then the ciphertext and its tag. The
 * endpoint's id is the associated data, so a sealed secret copied onto another endpoint's row does not open.
 */
public final class SecretBox {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** @param base64Key 32 random bytes, base64-encoded ({@code openssl rand -base64 32}) */
    public SecretBox(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("microscout.webhooks.secret-key must be base64 (openssl rand -base64 32)");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("microscout.webhooks.secret-key must be 32 bytes, base64-encoded "
                    + "(openssl rand -base64 32), not " + bytes.length + " bytes");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public byte[] seal(String secret, UUID endpointId) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, endpointId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A webhook secret could not be sealed", e);
        }
    }

    public String open(byte[] sealed, UUID endpointId) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE_BYTES), endpointId);
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The secret of webhook " + endpointId
                    + " does not open with the configured microscout.webhooks.secret-key", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, UUID endpointId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(endpointId.toString().getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
