package dev.microscout.webhook;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressPolicyTest {

    @Test
    void addressesInsideTheServicesNetworkOrNotOneHostAreRefusedWithTheirKind() throws Exception {
        String[][] refused = {
                {"127.0.0.1", "loopback"}, {"127.255.0.9", "loopback"}, {"::1", "loopback"},
                {"10.0.0.1", "private"}, {"10.255.255.255", "private"}, {"172.16.0.1", "private"}, {"172.31.255.254", "private"},
                {"192.168.1.10", "private"}, {"100.64.0.1", "shared"},
                {"169.254.169.254", "link-local"}, {"fe80::1", "link-local"},
                {"fc00::1", "unique-local"}, {"fd12:3456:789a::1", "unique-local"}, {"fec0::1", "site-local"},
                {"224.0.0.1", "multicast"}, {"ff02::1", "multicast"},
                {"0.0.0.0", "unspecified"}, {"::", "unspecified"},
                {"255.255.255.255", "broadcast"}, {"192.0.2.1", "reserved"}, {"198.18.0.1", "reserved"},
                {"2001:db8::1", "documentation"},
                // IPv6 forms that carry an IPv4 address are judged by it.
                {"::ffff:10.1.2.3", "private"}, {"::ffff:127.0.0.1", "loopback"}, {"::127.0.0.1", "loopback"},
                {"64:ff9b::a00:1", "private"}, {"2002:a9fe:a9fe::1", "link-local"}};
        for (String[] row : refused) {
            Optional<String> reason = AddressPolicy.refusal(literal(row[0]));
            assertTrue(reason.isPresent() && reason.get().contains(row[1]), row[0] + " → " + reason);
        }
    }

    @Test
    void publicAddressesPass() throws Exception {
        for (String address : List.of("93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::6810:84e5",
                "::ffff:93.184.215.14", "2002:5db8:d70e::1")) {
            assertEquals(Optional.empty(), AddressPolicy.refusal(literal(address)), address);
        }
    }

    /** An IPv6 literal keeps its form: getByAddress of 16 bytes, so a mapped address is not turned into IPv4 first. */
    private static InetAddress literal(String text) throws Exception {
        InetAddress parsed = InetAddress.getByName(text);
        if (text.contains(":") && parsed.getAddress().length == 4) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
            return java.net.Inet6Address.getByAddress(null, mapped, -1);
        }
        return parsed;
    }
}
