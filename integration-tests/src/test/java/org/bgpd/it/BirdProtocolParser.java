package org.bgpd.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stateless. Parses the text of {@code show protocols} and {@code show protocols all} (codes
 * already stripped, see {@link BirdReply#textLines()}) from BIRD 2, and the rows of BIRD 1.6.
 * Rows start in column 0; detail lines are indented: two spaces for protocol fields and
 * {@code Channel} headings, four for their fields, six or more inside capability blocks.
 */
public final class BirdProtocolParser {

    private static final Pattern ROW = Pattern.compile("^(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*(.*?)\\s*$");
    private static final Pattern COUNT = Pattern.compile("(\\d+) (imported|filtered|exported|preferred)");

    private BirdProtocolParser() {}

    /** The rows of {@code show protocols} (or the rows inside {@code show protocols all}). */
    public static List<BirdProtocol> parseProtocols(List<String> lines) {
        List<BirdProtocol> out = new ArrayList<>();
        for (String line : lines) {
            BirdProtocol row = row(line);
            if (row != null) {
                out.add(row);
            }
        }
        return out;
    }

    /** Every protocol block of {@code show protocols all [name]}. */
    public static List<BirdProtocolDetails> parseDetails(List<String> lines) {
        List<BirdProtocolDetails> out = new ArrayList<>();
        BirdProtocol current = null;
        Map<String, String> fields = new LinkedHashMap<>();
        List<BirdChannelStatus> channels = new ArrayList<>();
        String channel = null;
        Map<String, String> channelFields = new LinkedHashMap<>();
        for (String line : lines) {
            BirdProtocol row = row(line);
            if (row != null) {
                if (current != null) {
                    closeChannel(channel, channelFields, channels);
                    out.add(new BirdProtocolDetails(current, fields, channels));
                }
                current = row;
                fields = new LinkedHashMap<>();
                channels = new ArrayList<>();
                channel = null;
                channelFields = new LinkedHashMap<>();
                continue;
            }
            if (current == null || line.isBlank()) {
                continue;
            }
            int indent = indent(line);
            String content = line.strip();
            if (indent <= 2 && content.startsWith("Channel ")) {
                closeChannel(channel, channelFields, channels);
                channel = content.substring("Channel ".length()).strip();
                channelFields = new LinkedHashMap<>();
                continue;
            }
            if (indent > 4) {
                continue;
            }
            int colon = content.indexOf(':');
            String key = colon < 0 ? content : content.substring(0, colon).strip();
            String value = colon < 0 ? "" : content.substring(colon + 1).strip();
            (channel != null ? channelFields : fields).putIfAbsent(key, value);
        }
        if (current != null) {
            closeChannel(channel, channelFields, channels);
            out.add(new BirdProtocolDetails(current, fields, channels));
        }
        return out;
    }

    private static void closeChannel(String name, Map<String, String> fields, List<BirdChannelStatus> into) {
        if (name == null) {
            return;
        }
        int imported = 0;
        int filtered = 0;
        int exported = 0;
        int preferred = 0;
        Matcher m = COUNT.matcher(fields.getOrDefault("Routes", ""));
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            switch (m.group(2)) {
                case "imported" -> imported = n;
                case "filtered" -> filtered = n;
                case "exported" -> exported = n;
                default -> preferred = n;
            }
        }
        into.add(new BirdChannelStatus(name, imported, filtered, exported, preferred, fields));
    }

    private static BirdProtocol row(String line) {
        if (line.isEmpty() || Character.isWhitespace(line.charAt(0))) {
            return null;
        }
        Matcher m = ROW.matcher(line);
        if (!m.matches()) {
            return null;
        }
        if (m.group(1).equalsIgnoreCase("name") && m.group(2).equalsIgnoreCase("proto")) {
            return null;
        }
        return new BirdProtocol(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6));
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
