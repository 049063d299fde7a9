package org.compactbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which address a request is counted against, and whether it came over https, with and without trusted proxies. */
class ClientAddressTest {
    private final ClientAddress behindProxies = new ClientAddress(List.of("10.0.0.0/8", "127.0.0.1", "2001:db8::/32"));
    private final ClientAddress direct = new ClientAddress(List.of());

    @ParameterizedTest(name = "peer {0}, X-Forwarded-For \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "203.0.113.7 | -                          | 203.0.113.7",
            "203.0.113.7 | 198.51.100.1               | 203.0.113.7",   // an untrusted peer cannot choose its address
            "10.1.2.3    | 198.51.100.1               | 198.51.100.1",
            "127.0.0.1   | 198.51.100.1, 10.9.9.9     | 198.51.100.1",  // trusted hops are skipped from the right
            "10.1.2.3    | 6.6.6.6, 198.51.100.1      | 198.51.100.1",  // what the client wrote on the left is not believed
            "10.1.2.3    | 10.4.4.4                   | 10.4.4.4",      // all hops trusted: the farthest one
            "10.1.2.3    | nonsense, 198.51.100.1     | 198.51.100.1",
            "10.1.2.3    | 198.51.100.1, nonsense     | 10.1.2.3",      // garbage from the nearest hop: stop at the proxy
            "2001:db8::1 | 2001:db8:ffff::2, [2a00::9] | 2a00::9",
    })
    void clientAddressBehindTrustedProxies(String peer, String forwardedFor, String expected) {
        assertEquals(expected, behindProxies.of(peer, forwardedFor));
    }

    @ParameterizedTest(name = "no proxies trusted: peer {0}, X-Forwarded-For \"{1}\" -> {0}")
    @CsvSource(delimiter = '|', value = {"127.0.0.1 | 198.51.100.1", "10.1.2.3 | 198.51.100.1"})
    void withoutTrustedProxiesForwardedForIsIgnored(String peer, String forwardedFor) {
        assertEquals(peer, direct.of(peer, forwardedFor));
    }

    @ParameterizedTest(name = "scheme {0}, peer {1}, X-Forwarded-Proto {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "https | 203.0.113.7 | -           | true",
            "http  | 203.0.113.7 | -           | false",
            "http  | 203.0.113.7 | https       | false",
            "http  | 10.1.2.3    | https       | true",
            "http  | 10.1.2.3    | https, http | true",
            "http  | 10.1.2.3    | http        | false",
    })
    void httpsDirectlyOrAsATrustedProxySays(String scheme, String peer, String proto, boolean expected) {
        assertEquals(expected, behindProxies.https(scheme, peer, proto));
    }
}
