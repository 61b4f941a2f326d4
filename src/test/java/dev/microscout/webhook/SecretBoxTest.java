package dev.microscout.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SecretBoxTest {

    private final SecretBox box = new SecretBox(Base64.getEncoder().encodeToString(new byte[32]));

    @Test
    void aSealedSecretOpensForItsEndpointOnlyAndHoldsNoClearText() {
        UUID endpoint = UUID.randomUUID();
        String secret = WebhookSignature.newSecret();
        byte[] sealed = box.seal(secret, endpoint);
        assertEquals(secret, box.open(sealed, endpoint));
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains(secret.substring(6, 20)));
        assertThrows(IllegalStateException.class, () -> box.open(sealed, UUID.randomUUID()));
        byte[] otherKey = new byte[32];
        java.util.Arrays.fill(otherKey, (byte) 1);
        assertThrows(IllegalStateException.class, () -> new SecretBox(Base64.getEncoder().encodeToString(otherKey)).open(sealed, endpoint));
    }

    @Test
    void aKeyThatIsNot32Base64BytesStopsTheStart() {
        assertThrows(IllegalArgumentException.class, () -> new SecretBox("c2hvcnQ="));
        assertThrows(IllegalArgumentException.class, () -> new SecretBox("not base64 at all!"));
    }
}
