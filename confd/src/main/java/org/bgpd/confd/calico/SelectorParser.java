package org.bgpd.confd.calico;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Recursive-descent parser for Calico selectors: {@code all()}, {@code has(k)}, {@code k == 'v'},
 * {@code k != 'v'}, {@code k in {'a','b'}}, {@code k not in {...}}, {@code !}, {@code &&},
 * {@code ||} and parentheses; {@code ||} binds loosest. An empty selector is {@code all()}.
 * Owned by the calling thread; one instance per parse.
 */
final class SelectorParser {

    private final String text;
    private int pos;

    private SelectorParser(String text) {
        this.text = text;
    }

    static Selector parse(String text) {
        if (text == null || text.isBlank()) {
            return new Selector.All();
        }
        SelectorParser p = new SelectorParser(text);
        try {
            Selector s = p.or();
            p.skipSpace();
            if (p.pos != text.length()) {
                throw p.error("unexpected '" + text.substring(p.pos) + "'");
            }
            return s;
        } catch (SyntaxError e) {
            return new Selector.Invalid(text, e.getMessage());
        }
    }

    private Selector or() {
        Selector left = and();
        while (accept("||")) {
            left = new Selector.Or(left, and());
        }
        return left;
    }

    private Selector and() {
        Selector left = unary();
        while (accept("&&")) {
            left = new Selector.And(left, unary());
        }
        return left;
    }

    private Selector unary() {
        skipSpace();
        if (peek("!") && !peek("!=")) {
            pos++;
            return new Selector.Not(unary());
        }
        if (accept("(")) {
            Selector inner = or();
            expect(")");
            return inner;
        }
        if (acceptWord("all")) {
            expect("(");
            expect(")");
            return new Selector.All();
        }
        if (acceptWord("has")) {
            expect("(");
            String key = key();
            expect(")");
            return new Selector.Has(key);
        }
        String key = key();
        if (accept("==")) {
            return new Selector.Equals(key, string());
        }
        if (accept("!=")) {
            return new Selector.NotEquals(key, string());
        }
        if (acceptWord("in")) {
            return new Selector.In(key, set());
        }
        if (acceptWord("not")) {
            if (!acceptWord("in")) {
                throw error("expected 'in' after 'not'");
            }
            return new Selector.NotIn(key, set());
        }
        throw error("expected an operator after '" + key + "'");
    }

    private Set<String> set() {
        expect("{");
        Set<String> values = new LinkedHashSet<>();
        skipSpace();
        if (accept("}")) {
            return values;
        }
        do {
            values.add(string());
        } while (accept(","));
        expect("}");
        return values;
    }

    private String key() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && isKeyChar(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a label key");
        }
        return text.substring(start, pos);
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '/' || c == '-';
    }

    private String string() {
        skipSpace();
        if (pos >= text.length() || (text.charAt(pos) != '\'' && text.charAt(pos) != '"')) {
            throw error("expected a quoted value");
        }
        char quote = text.charAt(pos);
        int end = text.indexOf(quote, pos + 1);
        if (end < 0) {
            throw error("unterminated string");
        }
        String value = text.substring(pos + 1, end);
        pos = end + 1;
        return value;
    }

    private boolean acceptWord(String word) {
        skipSpace();
        int end = pos + word.length();
        if (text.startsWith(word, pos) && (end >= text.length() || !isKeyChar(text.charAt(end)))) {
            pos = end;
            return true;
        }
        return false;
    }

    private boolean accept(String token) {
        skipSpace();
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private boolean peek(String token) {
        return text.startsWith(token, pos);
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw error("expected '" + token + "'");
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private SyntaxError error(String message) {
        return new SyntaxError(message + " at column " + (pos + 1));
    }

    /** Internal control flow only: turned into {@link Selector.Invalid} by {@link #parse}. */
    private static final class SyntaxError extends RuntimeException {
        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }
}
