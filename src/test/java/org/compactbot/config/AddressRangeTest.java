package org.compactbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses a trusted-proxies entry covers. */
class AddressRangeTest {
    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "127.0.0.1,      127.0.0.1,        true",
            "127.0.0.1,      127.0.0.2,        false",
            "10.0.0.0/8,     10.255.1.2,       true",
            "10.0.0.0/8,     11.0.0.1,         false",
            "172.16.0.0/12,  172.31.255.255,   true",
            "172.16.0.0/12,  172.32.0.1,       false",
            "0.0.0.0/0,      203.0.113.9,      true",
            "10.0.0.0/8,     ::ffff:10.1.2.3,  true",
            "10.0.0.0/8,     2001:db8::1,      false",
            "2001:db8::/32,  2001:db8:ab::1,   true",
            "2001:db8::/32,  2001:db9::1,      false",
            "::1,            [::1],            true",
            "10.0.0.0/8,     localhost,        false",
    })
    void containsTheAddressesOfItsPrefix(String range, String address, boolean expected) {
        assertEquals(expected, AddressRange.parse(range).contains(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.example.org", "10.0.0.0/33", "10.0.0/8", "::1/129", "10.0.0.0/x", ""})
    void refusesWhatIsNotAnAddressOrRange(String text) {
        assertThrows(IllegalArgumentException.class, () -> AddressRange.parse(text));
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({
            "9.9.9.1,                9.9.9.1",
            "09.009.9.01,            9.9.9.1",
            "::ffff:9.9.9.1,         9.9.9.1",
            "[::FFFF:9.9.9.1],       9.9.9.1",
            "2a00:0:0:0:0:0:0:9,     2a00::9",
            "2A00:0000::0009,        2a00::9",
            "2001:db8:0:0:1:0:0:1,   2001:db8::1:0:0:1",
            "::1,                    ::1",
            "0:0:0:0:0:0:0:0,        ::",
            "2001:db8:1:2:3:4:5:6,   2001:db8:1:2:3:4:5:6",
            "not-an-address,         not-an-address",
    })
    void anAddressHasOneSpellingHoweverItIsWritten(String written, String canonical) {
        org.junit.jupiter.api.Assertions.assertEquals(canonical, AddressRange.canonical(written));
    }

    @ParameterizedTest(name = "{0} is not an address")
    @ValueSource(strings = {"1.2.3.999", "example.invalid", "localhost", ".1:2", ".::", "1.2.3", "1.2.3.4.5", "1.2.3.4.",
            "01234.1.1.1", "::1::2", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "g::1", ":1", "1:", ":::",
            "fe80::1%eth0", "::1.2.3.999", "::1.2.3", "1.2.3.4::", "1::2:3:4:5:6:7:8", "[::1", "", " "})
    void textThatIsNoLiteralIsNoAddressAndIsNeverLookedUp(String text) {
        // a pure parser: a name or a broken literal is rejected here, on the request thread, without a DNS query
        assertNull(AddressRange.literal(text));
        assertEquals(false, AddressRange.parse("0.0.0.0/0").contains(text));
        assertEquals(false, AddressRange.parse("::/0").contains(text));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "::,                        ::",
            "1::,                       1::",
            "1:2:3:4:5:6:7:8,           1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6::8,            1:2:3:4:5:6:0:8",
            "::2:3:4:5:6:7:8,           0:2:3:4:5:6:7:8",
            "64:ff9b::192.0.2.33,       64:ff9b::c000:221",
            "1:2:3:4:5:6:1.2.3.4,       1:2:3:4:5:6:102:304",
            "[2001:DB8::1],             2001:db8::1",
    })
    void readsEveryWayOfWritingAnIpv6Literal(String written, String canonical) {
        assertEquals(canonical, AddressRange.canonical(written));
    }

    @Test
    void anIpv4MappedRangeCoversMappedAndPlainAddresses() {
        AddressRange mapped = AddressRange.parse("::ffff:0:0/96");
        assertEquals(true, mapped.contains("::ffff:10.1.2.3"));
        assertEquals(true, mapped.contains("10.1.2.3"));
        assertEquals(false, mapped.contains("2001:db8::1"));
        assertEquals(true, AddressRange.parse("::ffff:10.0.0.0/104").contains("10.9.9.9"));
        assertEquals(false, AddressRange.parse("::ffff:10.0.0.0/104").contains("11.9.9.9"));
    }

    @Test
    void everyAddressReadsBackFromItsCanonicalSpelling() {
        Random random = new Random(15);
        for (int i = 0; i < 2000; i++) {
            byte[] a = new byte[i % 2 == 0 ? 4 : 16];
            random.nextBytes(a);
            if (a.length == 16 && i % 3 == 0) for (int z = random.nextInt(16); z < 16 && z < 6 + i % 7; z++) a[z] = 0;
            if (a.length == 16 && a[0] == 0 && a[10] == (byte) 0xff && a[11] == (byte) 0xff) continue;
            String text = AddressRange.canonical(a.length == 4 ? (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff)
                    : hex(a));
            assertArrayEquals(a, AddressRange.literal(text), text);
        }
    }

    private static String hex(byte[] a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            if (i > 0) sb.append(':');
            sb.append(Integer.toHexString(((a[i] & 0xff) << 8) | (a[i + 1] & 0xff)));
        }
        return sb.toString();
    }
}
