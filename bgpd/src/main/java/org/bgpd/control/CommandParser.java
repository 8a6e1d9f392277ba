package org.bgpd.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses one command line the way BIRD's server-side grammar does: full keywords only
 * ({@code birdc} expands abbreviations before sending; BIRD 2.0.12 answers {@code sh pro} and
 * {@code show protocol} with syntax errors, and so do we). Errors are results, never exceptions.
 * Immutable after construction; a new parser is made per command with the current symbol table.
 *
 * <p>Error texts follow BIRD: bird2 gives bison's verbose "syntax error, unexpected X[, expecting
 * ...]" with BIRD's token names (CF_SYM_UNDEFINED for an unknown word, CF_SYM_KNOWN for a known
 * protocol or table, keywords in capitals, END for the end of the line); bird1 gives plain
 * "syntax error" and "9002 X is not a protocol" for an unknown protocol name. The expecting lists
 * were taken from BIRD 2.0.12's answers.
 */
public final class CommandParser {
    /** BIRD's SYM_MAX_LEN. */
    static final int MAX_SYMBOL = 64;

    private static final Set<String> KEYWORDS = Set.of(
            "show", "status", "memory", "confd", "protocols", "protocol", "route", "all", "count", "stats", "for",
            "table", "export", "primary", "filtered", "where", "configure", "soft", "check", "confirm",
            "undo", "timeout", "enable", "disable", "restart", "reload", "in", "out", "down", "restrict",
            "interfaces", "symbols", "eval", "echo", "debug", "dump", "filter", "noexport", "preexport");

    private final Dialect dialect;
    private final Set<String> protocols;
    private final Set<String> tables;
    private List<Token> tokens;
    private int pos;

    public CommandParser(Dialect dialect, Set<String> protocols, Set<String> tables) {
        this.dialect = dialect;
        this.protocols = protocols;
        this.tables = tables;
    }

    public Command parse(String line) {
        try {
            tokens = Lexer.tokens(line);
            pos = 0;
            return command();
        } catch (Failure f) {
            return new Command.Invalid(f.code, f.getMessage());
        }
    }

    private Command command() {
        Token t = next();
        if (t.isWord("json") && peek().kind() != Token.Kind.END) return new Command.Json(command());
        if (t.isWord("show")) return show();
        if (t.isWord("configure")) return configure();
        if (t.isWord("enable")) return onProtocols(ProtocolAction.ENABLE);
        if (t.isWord("disable")) return onProtocols(ProtocolAction.DISABLE);
        if (t.isWord("restart")) return onProtocols(ProtocolAction.RESTART);
        if (t.isWord("reload")) return reload();
        if (t.isWord("down")) return end(new Command.Down());
        if (t.isWord("restrict")) return end(new Command.Restrict());
        throw unexpected(t, null);
    }

    private Command show() {
        Token t = next();
        if (t.isWord("status")) return end(new Command.ShowStatus());
        if (t.isWord("memory")) return end(new Command.ShowMemory());
        if (t.isWord("confd")) return end(new Command.ShowConfd());
        if (t.isWord("protocols")) return showProtocols();
        if (t.isWord("route")) return showRoute();
        throw unexpected(t, null);
    }

    private Command showProtocols() {
        boolean all = false;
        if (peek().isWord("all")) {
            next();
            all = true;
        }
        Token t = peek();
        if (t.kind() == Token.Kind.END) return new Command.ShowProtocols(all, null);
        ProtocolSelector sel = selector(all ? "END or CF_SYM_KNOWN or TEXT" : "END or CF_SYM_KNOWN or TEXT or ALL",
                !all, 9002);
        return end(new Command.ShowProtocols(all, sel));
    }

    private Command onProtocols(ProtocolAction action) {
        ProtocolSelector sel = selector("CF_SYM_KNOWN or TEXT or ALL", true, 9002);
        return end(new Command.OnProtocols(action, sel));
    }

    private Command reload() {
        ProtocolAction action = ProtocolAction.RELOAD;
        String expecting = null;
        if (peek().isWord("in")) {
            next();
            action = ProtocolAction.RELOAD_IN;
            expecting = "CF_SYM_KNOWN or TEXT or ALL";
        } else if (peek().isWord("out")) {
            next();
            action = ProtocolAction.RELOAD_OUT;
            expecting = "CF_SYM_KNOWN or TEXT or ALL";
        }
        ProtocolSelector sel = selector(expecting, true, 9002);
        return end(new Command.OnProtocols(action, sel));
    }

    /** A protocol name, a quoted pattern, or (when allowed) {@code all}. */
    private ProtocolSelector selector(String expecting, boolean allowAll, int notProtocolCode) {
        Token t = next();
        if (t.kind() == Token.Kind.TEXT) return new ProtocolSelector(ProtocolSelector.Kind.PATTERN, t.text());
        if (allowAll && t.isWord("all")) return ProtocolSelector.ALL;
        if (t.kind() == Token.Kind.WORD && !KEYWORDS.contains(t.text())) {
            if (protocols.contains(t.text())) return new ProtocolSelector(ProtocolSelector.Kind.NAME, t.text());
            if (dialect == Dialect.BIRD1 || tables.contains(t.text())) {
                throw new Failure(notProtocolCode, t.text() + " is not a protocol");
            }
        }
        throw unexpected(t, expecting);
    }

    private Command configure() {
        boolean check = false;
        if (peek().isWord("check")) {
            next();
            check = true;
        } else if (peek().isWord("soft")) {
            next();
        }
        String file = null;
        if (peek().kind() == Token.Kind.TEXT) file = next().text();
        return end(new Command.Configure(check, file));
    }

    private Command showRoute() {
        InetAddress address = null;
        int length = 0;
        boolean covering = false;
        String table = null;
        String protocol = null;
        String exportOf = null;
        boolean primary = false;
        boolean all = false;
        boolean count = false;
        boolean filtered = false;
        while (true) {
            Token t = next();
            switch (t.kind()) {
                case END -> {
                    RouteQuery q = new RouteQuery(address, length, covering, table, protocol, exportOf, primary, null);
                    return new Command.ShowRoute(q, all, count, filtered);
                }
                case IP -> {
                    address = t.address();
                    length = t.address().getAddress().length * 8;
                    covering = false;
                }
                case NET -> {
                    address = t.address();
                    length = t.length();
                    covering = false;
                }
                case WORD -> {
                    switch (t.text()) {
                        case "all" -> all = true;
                        case "count", "stats" -> count = true;
                        case "primary" -> primary = true;
                        case "filtered" -> filtered = true;
                        case "for" -> {
                            Token a = next();
                            if (a.kind() != Token.Kind.IP && a.kind() != Token.Kind.NET) throw unexpected(a, null);
                            address = a.address();
                            length = a.kind() == Token.Kind.NET ? a.length() : a.address().getAddress().length * 8;
                            covering = true;
                        }
                        case "table" -> table = symbol(tables, "CF_SYM_KNOWN or ALL", "table");
                        case "protocol" -> protocol = symbol(protocols, "CF_SYM_KNOWN", "protocol");
                        case "export" -> exportOf = symbol(protocols, "CF_SYM_KNOWN or TABLE", "protocol");
                        default -> throw unexpected(t, null);
                    }
                }
                default -> throw unexpected(t, null);
            }
        }
    }

    private String symbol(Set<String> known, String expecting, String what) {
        Token t = next();
        if (t.kind() == Token.Kind.WORD && known.contains(t.text())) return t.text();
        if (dialect == Dialect.BIRD1 && t.kind() == Token.Kind.WORD && !KEYWORDS.contains(t.text())) {
            throw new Failure(9001, t.text() + " is not a " + what);
        }
        throw unexpected(t, expecting);
    }

    private Command end(Command c) {
        Token t = next();
        if (t.kind() != Token.Kind.END) throw unexpected(t, "END");
        return c;
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (pos < tokens.size() - 1) pos++;
        return t;
    }

    private Token peek() { return tokens.get(pos); }

    private Failure unexpected(Token t, String expecting) {
        if (dialect == Dialect.BIRD1) return new Failure(9001, "syntax error");
        String msg = "syntax error, unexpected " + tokenName(t);
        return new Failure(9001, expecting == null ? msg : msg + ", expecting " + expecting);
    }

    private String tokenName(Token t) {
        return switch (t.kind()) {
            case END -> "END";
            case TEXT -> "TEXT";
            case NUM -> "NUM";
            case IP -> t.address().getAddress().length == 4 ? "IP4" : "IP6";
            case NET -> t.address().getAddress().length == 4 ? "IP4" : "IP6";
            case OTHER -> "'" + t.text().charAt(0) + "'";
            case WORD -> {
                if (KEYWORDS.contains(t.text())) yield t.text().toUpperCase(java.util.Locale.ROOT);
                yield protocols.contains(t.text()) || tables.contains(t.text()) ? "CF_SYM_KNOWN" : "CF_SYM_UNDEFINED";
            }
        };
    }

    /** A parse failure carried to {@link #parse}; never escapes it. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;

        Failure(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    /** One lexical token. */
    record Token(Kind kind, String text, InetAddress address, int length) {
        enum Kind { WORD, TEXT, NUM, IP, NET, OTHER, END }

        boolean isWord(String w) { return kind == Kind.WORD && text.equals(w); }
    }

    /** Splits a line into tokens; bad addresses fail here, as in BIRD's lexer. */
    static final class Lexer {
        private Lexer() {}

        static List<Token> tokens(String line) {
            List<Token> out = new ArrayList<>();
            int i = 0;
            int n = line.length();
            while (i < n) {
                char c = line.charAt(i);
                if (c == ' ' || c == '\t' || c == '\r') {
                    i++;
                } else if (c == '"') {
                    int close = line.indexOf('"', i + 1);
                    if (close < 0) throw new Failure(9001, "Unterminated string");
                    out.add(new Token(Token.Kind.TEXT, line.substring(i + 1, close), null, 0));
                    i = close + 1;
                } else if (isAsciiWordStart(c)) {
                    int start = i;
                    while (i < n && isWordChar(line.charAt(i))) i++;
                    out.add(classify(line.substring(start, i)));
                } else if (c < 0x21 || c > 0x7e) {
                    // BIRD's lexer rejects such bytes; never echo them into a reply line.
                    throw new Failure(9001, "Unknown character");
                } else {
                    out.add(new Token(Token.Kind.OTHER, String.valueOf(c), null, 0));
                    i++;
                }
            }
            out.add(new Token(Token.Kind.END, "", null, 0));
            return out;
        }

        private static boolean isAsciiWordStart(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':'
                    || c == '.';
        }

        private static boolean isWordChar(char c) {
            return isAsciiWordStart(c) || c == '/';
        }

        private static Token classify(String w) {
            int slash = w.indexOf('/');
            String addr = slash < 0 ? w : w.substring(0, slash);
            boolean v4Shape = addr.chars().allMatch(ch -> (ch >= '0' && ch <= '9') || ch == '.') && addr.indexOf('.') >= 0;
            boolean v6Shape = addr.indexOf(':') >= 0
                    && addr.chars().allMatch(ch -> Character.digit(ch, 16) >= 0 || ch == ':' || ch == '.');
            if (v4Shape && addr.chars().filter(ch -> ch == '.').count() != 3) {
                return new Token(Token.Kind.NUM, w, null, 0);
            }
            if (!v4Shape && !v6Shape) {
                if (slash >= 0) return new Token(Token.Kind.OTHER, "/", null, 0);
                if (w.chars().allMatch(ch -> ch >= '0' && ch <= '9')) return new Token(Token.Kind.NUM, w, null, 0);
                if (w.length() > MAX_SYMBOL) throw new Failure(9001, "Symbol too long");
                return new Token(Token.Kind.WORD, w, null, 0);
            }
            InetAddress a = v4Shape ? parseIpv4(addr) : parseIpv6(addr);
            if (slash < 0) return new Token(Token.Kind.IP, w, a, 0);
            String len = w.substring(slash + 1);
            if (len.isEmpty() || len.length() > 9 || !len.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                throw new Failure(9001, "syntax error");
            }
            int l = Integer.parseInt(len);
            int max = a.getAddress().length * 8;
            if (l > max) throw new Failure(9001, "Invalid prefix length " + l);
            byte[] b = a.getAddress();
            for (int bit = l; bit < max; bit++) {
                if ((b[bit >> 3] & (0x80 >> (bit & 7))) != 0) {
                    throw new Failure(9001, "Invalid " + (max == 32 ? "IPv4" : "IPv6") + " prefix " + w);
                }
            }
            return new Token(Token.Kind.NET, w, a, l);
        }

        private static InetAddress parseIpv4(String s) {
            String[] parts = s.split("\\.", -1);
            byte[] b = new byte[4];
            for (int k = 0; k < 4; k++) {
                String p = parts[k];
                if (p.isEmpty() || p.length() > 3 || Integer.parseInt(p) > 255) {
                    throw new Failure(9001, "Invalid IPv4 address " + s);
                }
                b[k] = (byte) Integer.parseInt(p);
            }
            return byAddress(b, s);
        }

        private static InetAddress parseIpv6(String s) {
            // Only hex digits, ':' and '.' reach here, so this is a literal parse, never a DNS lookup.
            try {
                InetAddress a = InetAddress.getByName(s);
                if (a.getAddress().length == 16) return a;
            } catch (UnknownHostException | RuntimeException e) {
                throw new Failure(9001, "Invalid IPv6 address " + s);
            }
            throw new Failure(9001, "Invalid IPv6 address " + s);
        }

        private static InetAddress byAddress(byte[] b, String s) {
            try {
                return InetAddress.getByAddress(b);
            } catch (UnknownHostException e) {
                throw new Failure(9001, "Invalid address " + s);
            }
        }
    }
}
