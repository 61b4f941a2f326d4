package dev.microscout.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where webhooks may go. Every URL must be an absolute http(s) URL naming a host, without credentials or fragment.
 * Under the strict rules (production) it must also be https, and every address its host resolves to must pass
 * {@link AddressPolicy}: the service never posts into its own network. Hosts on the allow-list are trusted as they
 * are (tests, demos, a partner inside the network). The same check runs at registration and before every attempt,
 * since a name may resolve elsewhere later.
 */
public final class DestinationPolicy {

    /** Resolves a host name to its addresses (the JVM's resolver in the service; a table in tests). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean requireHttps;
    private final boolean allowPrivateAddresses;
    private final Set<String> allowedHosts;
    private final Resolver resolver;

    public DestinationPolicy(boolean requireHttps, boolean allowPrivateAddresses, Set<String> allowedHosts, Resolver resolver) {
        this.requireHttps = requireHttps;
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.allowedHosts = allowedHosts.stream().map(DestinationPolicy::normalHost).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /** Why {@code url} may not receive webhooks, worded to follow the field name ("url must use https"), or empty. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("must name a host (an ASCII or punycode name, or an IP address)");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment (#…)");
        }
        String host = normalHost(uri.getHost());
        if (allowedHosts.contains(host)) {
            return Optional.empty();
        }
        if (requireHttps && !scheme.equals("https")) {
            return Optional.of("must use https");
        }
        if (allowPrivateAddresses) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("names host " + host + ", which does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = AddressPolicy.refusal(address);
            if (refused.isPresent()) {
                return Optional.of("names host " + host + ", which resolves to " + address.getHostAddress() + ", "
                        + refused.get() + "; webhooks are sent to public addresses only");
            }
        }
        return Optional.empty();
    }

    private static String normalHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }
}
