package org.bgpd.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits BIRD configuration text into tokens: words (names, numbers, addresses and prefixes,
 * dotted attribute names such as {@code bgp_community.add}), quoted strings, quoted names
 * ({@code 'bgp_f_importFilterV4'}) and punctuation. {@code #} comments are dropped.
 * Not thread-safe; one per text.
 */
final class BirdLexer {

    enum Kind { WORD, STRING, SYMBOL, END }

    record Token(Kind kind, String text, int line) {
        boolean is(String s) { return kind != Kind.STRING && text.equals(s); }
    }

    private static final String[] TWO = {"&&", "||", "!~", "!=", "<=", ">="};

    static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') i++;
            } else if (c == '"' || c == '\'') {
                int end = text.indexOf(c, i + 1);
                out.add(new Token(c == '"' ? Kind.STRING : Kind.WORD, text.substring(i + 1, end), line));
                i = end + 1;
            } else if (wordChar(c)) {
                int start = i;
                while (i < text.length() && wordChar(text.charAt(i))) i++;
                out.add(new Token(Kind.WORD, text.substring(start, i), line));
            } else {
                String sym = String.valueOf(c);
                for (String two : TWO) {
                    if (text.startsWith(two, i)) sym = two;
                }
                out.add(new Token(Kind.SYMBOL, sym, line));
                i += sym.length();
            }
        }
        out.add(new Token(Kind.END, "<end>", line));
        return out;
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == ':' || c == '/';
    }

    private BirdLexer() {}
}
