package dev.microscout.webhook;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DestinationPolicyTest {

    /** A resolver by table, so that the test says what each name resolves to (and can change it); literals are themselves. */
    private final Map<String, String[]> dns = new HashMap<>(Map.of(
            "hooks.brand.example", new String[]{"93.184.215.14"},
            "localhost", new String[]{"127.0.0.1", "::1"},
            "intranet.brand.example", new String[]{"10.0.4.17"},
            "mixed.brand.example", new String[]{"93.184.215.14", "192.168.0.5"},
            "v6.brand.example", new String[]{"2606:4700::6810:84e5"}));
    private final DestinationPolicy.Resolver resolver = host -> {
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return InetAddress.getAllByName(host);
        }
        String[] addresses = dns.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] resolved = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            resolved[i] = InetAddress.getByName(addresses[i]);
        }
        return resolved;
    };
    private final DestinationPolicy production = new DestinationPolicy(true, false, Set.of("receiver.test.internal"), resolver);
    private final DestinationPolicy development = new DestinationPolicy(false, true, Set.of(), resolver);

    @Test
    void productionTakesHttpsUrlsOfPublicHostsOnly() {
        assertEquals(Optional.empty(), production.refusal("https://hooks.brand.example/microscout"));
        assertEquals(Optional.empty(), production.refusal("https://v6.brand.example:8443/in?source=microscout"));
        assertEquals(Optional.of("must use https"), production.refusal("http://hooks.brand.example/microscout"));
        assertRefused(production.refusal("https://localhost/hooks"), "resolves to 127.0.0.1, a loopback address");
        assertRefused(production.refusal("https://127.0.0.1:8443/hooks"), "loopback");
        assertRefused(production.refusal("https://[::1]/hooks"), "loopback");
        assertRefused(production.refusal("https://intranet.brand.example/hooks"), "resolves to 10.0.4.17, a private address");
        assertRefused(production.refusal("https://10.1.2.3/hooks"), "private");
        assertRefused(production.refusal("https://169.254.169.254/latest/meta-data"), "link-local");
        assertRefused(production.refusal("https://[::ffff:192.168.0.1]/hooks"), "private");
        // One private address among public ones is enough: the connection may go to any of them.
        assertRefused(production.refusal("https://mixed.brand.example/hooks"), "192.168.0.5");
        assertRefused(production.refusal("https://nowhere.brand.example/hooks"), "does not resolve");
    }

    @Test
    void aNameThatMovedToAPrivateAddressIsRefusedAtTheNextCheck() {
        assertEquals(Optional.empty(), production.refusal("https://hooks.brand.example/microscout"));
        dns.put("hooks.brand.example", new String[]{"10.9.8.7"});
        assertRefused(production.refusal("https://hooks.brand.example/microscout"), "10.9.8.7, a private address");
    }

    @Test
    void anAllowedHostIsTrustedAsItIs() {
        dns.put("receiver.test.internal", new String[]{"127.0.0.1"});
        assertEquals(Optional.empty(), production.refusal("http://receiver.test.internal:8080/hooks"));
        assertEquals(Optional.empty(), production.refusal("https://RECEIVER.test.internal/hooks"));
    }

    @Test
    void developmentTakesHttpAndThisMachine() {
        assertEquals(Optional.empty(), development.refusal("http://127.0.0.1:9000/hooks"));
        assertEquals(Optional.empty(), development.refusal("http://localhost/hooks"));
    }

    @Test
    void everyProfileRefusesWhatIsNotAnAbsoluteHttpUrlOfAHost() {
        for (DestinationPolicy policy : new DestinationPolicy[]{production, development}) {
            assertEquals(Optional.of("must be an absolute http or https URL"), policy.refusal("ftp://hooks.brand.example/x"));
            assertEquals(Optional.of("must be an absolute http or https URL"), policy.refusal("/hooks"));
            assertEquals(Optional.of("must be an absolute http or https URL"), policy.refusal("https://hooks brand/x"));
            assertEquals(Optional.of("must be an absolute http or https URL"), policy.refusal("javascript:alert(1)"));
            assertTrue(policy.refusal("https:///hooks").orElseThrow().startsWith("must name a host"));
            assertEquals(Optional.of("must not carry a user name or password"), policy.refusal("https://user:pw@hooks.brand.example/x"));
            assertEquals(Optional.of("must not have a fragment (#…)"), policy.refusal("https://hooks.brand.example/x#part"));
        }
    }

    private static void assertRefused(Optional<String> refusal, String expected) {
        assertTrue(refusal.isPresent() && refusal.get().contains(expected), "expected a refusal with \"" + expected + "\", got " + refusal);
    }
}
