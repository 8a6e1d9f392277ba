package org.bgpd.config.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

    @ParameterizedTest
    @CsvSource({
        "10.0.0.1, 10.0.0.1",
        "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "0:0:0:0:0:0:0:0, ::",
        "fe80:0:0:0:1:0:0:0, fe80::1:0:0:0",
        "2001:db8:1:1:1:1:1:0, 2001:db8:1:1:1:1:1:0",
    })
    void addressesPrintInCanonicalForm(String in, String out) {
        assertEquals(out, IpAddress.parse(in).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.300", "10.0.0", "10.1", "010.0.0.1", "1.2.3.4.5", "host.example", "fe80::1%eth0",
        "2001:db8::g", "", "1.2.3.4/32"})
    void notAddresses(String s) {
        assertNull(IpAddress.parse(s));
    }

    @Test
    void prefixContainsAddresses() {
        IpPrefix p = new IpPrefix(IpAddress.parse("10.192.0.0"), 13);
        assertTrue(p.contains(IpAddress.parse("10.199.255.255")));
        assertFalse(p.contains(IpAddress.parse("10.200.0.0")));
        assertFalse(p.contains(IpAddress.parse("::1")));
    }

    @Test
    void communitiesParseAndPrint() {
        assertEquals("100:6532", Community.parse("100:6532").toString());
        assertEquals("no-export", Community.parse("65535:65281").toString());
        assertEquals(0xFFFF029AL, Community.parse("blackhole").value());
        assertNull(Community.parse("65536:1"));
        assertNull(Community.parse("1:2:3"));
        assertEquals("4294967295:0:1", LargeCommunity.parse("4294967295:0:1").toString());
        assertNull(LargeCommunity.parse("4294967296:0:1"));
    }
}
