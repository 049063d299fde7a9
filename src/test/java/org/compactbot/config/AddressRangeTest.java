package org.compactbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
