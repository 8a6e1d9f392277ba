package org.bgpd.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Stateless. Loads the BIRD CLI captures copied from shared/reference/bird-cli into test resources. */
final class ReferenceCaptures {

    private ReferenceCaptures() {}

    static String text(String file) {
        try (InputStream in = ReferenceCaptures.class.getResourceAsStream("bird-cli/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no capture " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BirdReply raw(String file) {
        return BirdReply.parseRaw(text(file));
    }

    static BirdReply birdc(String file) {
        return BirdReply.parseBirdc(text(file));
    }
}
