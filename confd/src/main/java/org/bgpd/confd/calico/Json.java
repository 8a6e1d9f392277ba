package org.bgpd.confd.calico;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * JSON values of the key tree, through Jackson: parsed into maps (in document order), lists,
 * strings, numbers and booleans, and written compactly in the field order given, like Go's
 * encoding/json. Stateless; safe to share.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** The parsed value (Map, List, String, Number, Boolean), or null when the text is not JSON. */
    static Object parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(String text) {
        return parse(text) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    /** Compact JSON text of a value built from maps, lists, strings, numbers, booleans and null. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON value: " + value, e);
        }
    }
}
