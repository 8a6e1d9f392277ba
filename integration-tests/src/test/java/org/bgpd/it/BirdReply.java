package org.bgpd.it;

import java.util.ArrayList;
import java.util.List;

/**
 * Immutable; safe to share. One reply from BIRD's control socket: each line with the reply code
 * it belongs to (continuation lines that start with a space inherit the previous line's code)
 * and its text with the code stripped, which is what {@code birdc} prints.
 */
public record BirdReply(List<Line> lines) {

    /** One reply line. {@code code} is -1 when the source was birdc output without codes. */
    public record Line(int code, String text) {}

    public BirdReply {
        lines = List.copyOf(lines);
    }

    /**
     * Parses the exact bytes the socket sent for one command (up to and including the final
     * {@code DDDD } line), in the framing of BIRD's doc/reply_codes.
     */
    public static BirdReply parseRaw(String raw) {
        List<Line> out = new ArrayList<>();
        int code = -1;
        for (String line : raw.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if (isCodedLine(line)) {
                code = Integer.parseInt(line.substring(0, 4));
                out.add(new Line(code, line.substring(5)));
            } else if (line.charAt(0) == ' ') {
                out.add(new Line(code, line.substring(1)));
            } else if (line.charAt(0) == '+') {
                // Spontaneous output (doc/reply_codes); not part of any command's reply.
                continue;
            } else {
                out.add(new Line(code, line));
            }
        }
        return new BirdReply(out);
    }

    /** Wraps what {@code birdc} printed (no codes); the {@code BIRD x ready.} greeting is dropped. */
    public static BirdReply parseBirdc(String printed) {
        List<Line> out = new ArrayList<>();
        for (String line : printed.split("\n", -1)) {
            if (line.startsWith("BIRD ") && line.endsWith(" ready.")) {
                continue;
            }
            out.add(new Line(-1, line));
        }
        while (!out.isEmpty() && out.getLast().text().isEmpty()) {
            out.removeLast();
        }
        return new BirdReply(out);
    }

    /** True for a line that starts with four digits followed by '-' or ' '. */
    static boolean isCodedLine(String line) {
        if (line.length() < 5) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (!Character.isDigit(line.charAt(i))) {
                return false;
            }
        }
        return line.charAt(4) == '-' || line.charAt(4) == ' ';
    }

    /** The final line's code, or -1 when unknown. */
    public int code() {
        return lines.isEmpty() ? -1 : lines.getLast().code();
    }

    /** 8xxx run-time errors and 9xxx parse errors. */
    public boolean isError() {
        return code() >= 8000;
    }

    /** The reply's text lines without codes; trailing empty lines removed. */
    public List<String> textLines() {
        List<String> out = new ArrayList<>(lines.size());
        for (Line l : lines) {
            out.add(l.text());
        }
        while (!out.isEmpty() && out.getLast().isBlank()) {
            out.removeLast();
        }
        return out;
    }

    /** The reply as birdc prints it. */
    public String text() {
        return String.join("\n", textLines());
    }

    @Override
    public String toString() {
        return text();
    }
}
