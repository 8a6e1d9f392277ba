package org.bgpd.confd.calico;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelectorTest {

    private static final Map<String, String> LABELS = Map.of(
            "group", "one", "route-reflector", "true", "kubernetes.io/os", "linux", "rack", "r2");

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "all() ; true",
            "'' ; true",
            "has(group) ; true",
            "has(zone) ; false",
            "!has(zone) ; true",
            "group == 'one' ; true",
            "group==\"one\" ; true",
            "group == 'two' ; false",
            "group != 'two' ; true",
            "zone != 'a' ; true",
            "rack in {'r1', 'r2'} ; true",
            "rack in {'r1'} ; false",
            "rack not in {'r1'} ; true",
            "zone in {'a'} ; false",
            "kubernetes.io/os == 'linux' ; true",
            "route-reflector == 'true' && has(rack) ; true",
            "group == 'two' || rack == 'r2' ; true",
            "group == 'two' || rack == 'r1' && has(group) ; false",
            "!(group == 'one' && has(rack)) ; false",
            "(group == 'two' || has(rack)) && !has(zone) ; true",
    })
    void matches(String selector, boolean expected) {
        assertEquals(expected, Selector.parse(selector).matches(LABELS), selector);
    }

    @Test
    void andBindsTighterThanOr() {
        Selector s = Selector.parse("has(a) || has(b) && has(c)");
        assertEquals(true, s.matches(Map.of("a", "")));
        assertEquals(false, s.matches(Map.of("b", "")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"group ==", "has(group", "group = 'one'", "group == 'one", "&& has(a)",
            "rack in {'r1'", "group == 'one' junk", "all("})
    void malformedSelectorsMatchNothing(String selector) {
        Selector s = Selector.parse(selector);
        assertInstanceOf(Selector.Invalid.class, s, selector);
        assertEquals(false, s.matches(LABELS));
    }
}
