package dev.microscout.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which addresses a webhook may be sent to under the strict rules: none that reaches the service's own machine or
 * network (loopback, private, shared, link-local, unique-local), none that is not one host (unspecified, multicast,
 * broadcast) and none reserved for documentation or benchmarks. IPv6 forms that carry an IPv4 address (mapped,
 * compatible, NAT64, 6to4) are judged by the IPv4 address they carry.
 */
public final class AddressPolicy {

    private AddressPolicy() {
    }

    /** Why the address is refused, in words ("a private address"), or empty when it may be used. */
    public static Optional<String> refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4(b);
        }
        if (address instanceof Inet6Address) {
            return ipv6(b);
        }
        return Optional.of("not an IP address");
    }

    private static Optional<String> ipv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        if (first == 0) {
            return reason("an unspecified address (0.0.0.0/8)");
        }
        if (first == 127) {
            return reason("a loopback address (127.0.0.0/8)");
        }
        if (first == 10 || first == 172 && second >= 16 && second <= 31 || first == 192 && second == 168) {
            return reason("a private address (RFC 1918)");
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return reason("a shared address (100.64.0.0/10)");
        }
        if (first == 169 && second == 254) {
            return reason("a link-local address (169.254.0.0/16)");
        }
        if (first >= 224 && first <= 239) {
            return reason("a multicast address (224.0.0.0/4)");
        }
        if (first >= 240) {
            return reason("a reserved or broadcast address (240.0.0.0/4)");
        }
        if (first == 192 && second == 0 && (third == 0 || third == 2) || first == 198 && (second == 18 || second == 19)
                || first == 198 && second == 51 && third == 100 || first == 203 && second == 0 && third == 113) {
            return reason("a reserved address (documentation, benchmarking or protocol assignments)");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv6(byte[] b) {
        if (allZero(b, 0, 16)) {
            return reason("the unspecified address (::)");
        }
        if (allZero(b, 0, 15) && b[15] == 1) {
            return reason("the loopback address (::1)");
        }
        // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible) reach the IPv4 host they carry.
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || allZero(b, 0, 12)) {
            return carried(Arrays.copyOfRange(b, 12, 16));
        }
        // 64:ff9b::/96, NAT64: the gateway forwards to the IPv4 address in the last 32 bits.
        if (b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
            return carried(Arrays.copyOfRange(b, 12, 16));
        }
        // 2002::/16, 6to4: the IPv4 address follows the prefix.
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return carried(Arrays.copyOfRange(b, 2, 6));
        }
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return reason("a unique-local address (fc00::/7)");
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0x80) {
            return reason("a link-local address (fe80::/10)");
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return reason("a site-local address (fec0::/10)");
        }
        if (first == 0xff) {
            return reason("a multicast address (ff00::/8)");
        }
        if (first == 0x20 && b[1] == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return reason("a documentation address (2001:db8::/32)");
        }
        if (first == 0x01 && allZero(b, 1, 8)) {
            return reason("a discard address (100::/64)");
        }
        return Optional.empty();
    }

    private static Optional<String> carried(byte[] ipv4) {
        return ipv4(ipv4).map(reason -> reason + ", carried in an IPv6 address");
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> reason(String text) {
        return Optional.of(text);
    }
}
