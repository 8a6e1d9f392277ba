package org.bgpd.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BirdReplyTest {

    @Test
    void continuationLinesInheritTheCodeAndLoseTheirLeadingSpace() {
        BirdReply r = ReferenceCaptures.raw("bird2-node-a__show_protocols.raw");
        assertEquals(0, r.code());
        assertFalse(r.isError());
        assertEquals(new BirdReply.Line(2002, "Name       Proto      Table      State  Since         Info"), r.lines().get(0));
        assertEquals(1002, r.lines().get(2).code());
        assertEquals("direct1    Direct     ---        up     19:00:27.093  ", r.lines().get(2).text());
    }

    @Test
    void rawTextEqualsWhatBirdcPrints() {
        assertEquals(ReferenceCaptures.birdc("bird2-node-a__show_route_all.birdc.txt").textLines(),
                ReferenceCaptures.raw("bird2-node-a__show_route_all.raw").textLines());
    }

    @Test
    void errorCodesAreErrors() {
        BirdReply r = ReferenceCaptures.raw("bird2-node-a-errors__show_protocols_zz.raw");
        assertTrue(r.isError());
        assertEquals(8003, r.code());
        assertEquals("No protocols match", r.text());
    }

    @Test
    void welcomeLineIsOneCodedLine() {
        assertEquals(List.of(new BirdReply.Line(1, "BIRD 2.0.12 ready.")),
                ReferenceCaptures.raw("bird2-node-a__welcome.raw").lines());
    }
}
