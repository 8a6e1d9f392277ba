package org.bgpd.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Frames reply lines the way BIRD's {@code cli_printf} does. Owned by one connection; not thread-safe.
 *
 * <p>A continued line starts with {@code DDDD-} when its code differs from the previous line's and
 * with a single space when it is the same; the last line is {@code DDDD text} ({@code "0000 "} when
 * there is no text). Lines end with a bare {@code \n}.
 */
public final class ReplyWriter {
    private final Writer out;
    private int lastCode = -1;

    public ReplyWriter(Writer out) { this.out = out; }

    /** A line that is followed by more lines of the same reply. */
    public void line(int code, String text) {
        if (code == lastCode) {
            write(" ");
        } else {
            write(code4(code));
            write("-");
        }
        write(text);
        write("\n");
        lastCode = code;
    }

    /** The final line of a reply; the next reply starts a fresh code sequence. */
    public void last(int code, String text) {
        write(code4(code));
        write(" ");
        write(text);
        write("\n");
        lastCode = -1;
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String code4(int code) {
        String s = Integer.toString(code);
        return "0000".substring(s.length()) + s;
    }
}
