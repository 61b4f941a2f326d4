package dev.microscout.webhook;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {

    /** The signing vector the Standard Webhooks reference libraries test against. */
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void signsTheReferenceVectorAsTheSpecificationsLibrariesDo() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignature.sign(WebhookSignature.key(SECRET), ID, TIMESTAMP, BODY));
    }

    @Test
    void aHeaderCarriesOneSignaturePerKeyCurrentFirstAndAReferenceVerifierAcceptsEither() throws Exception {
        String current = WebhookSignature.newSecret();
        long now = System.currentTimeMillis() / 1000;
        String header = WebhookSignature.header(List.of(WebhookSignature.key(current), WebhookSignature.key(SECRET)), ID, now, BODY);

        String[] signatures = header.split(" ");
        assertEquals(2, signatures.length);
        assertEquals(WebhookSignature.sign(WebhookSignature.key(current), ID, now, BODY), signatures[0]);
        assertEquals(WebhookSignature.sign(WebhookSignature.key(SECRET), ID, now, BODY), signatures[1]);
        Map<String, List<String>> headers = Map.of("webhook-id", List.of(ID), "webhook-timestamp", List.of(String.valueOf(now)),
                "webhook-signature", List.of(header));
        assertDoesNotThrow(() -> new Webhook(current).verify(BODY, headers));
        assertDoesNotThrow(() -> new Webhook(SECRET).verify(BODY, headers));
        assertThrows(Exception.class, () -> new Webhook(WebhookSignature.newSecret()).verify(BODY, headers));
    }

    @Test
    void aNewSecretIsWhsecAndBase64Of24RandomBytes() {
        String secret = WebhookSignature.newSecret();
        assertTrue(secret.startsWith("whsec_"), secret);
        assertEquals(24, Base64.getDecoder().decode(secret.substring(6)).length);
        assertEquals(32, secret.length() - 6, "24 bytes are 32 base64 characters, without padding");
        assertTrue(!secret.equals(WebhookSignature.newSecret()));
    }
}
