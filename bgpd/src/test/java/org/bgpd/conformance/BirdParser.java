package org.bgpd.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bgpd.conformance.BirdAst.Block;
import org.bgpd.conformance.BirdAst.Expr;
import org.bgpd.conformance.BirdAst.Stmt;
import org.bgpd.conformance.BirdLexer.Kind;
import org.bgpd.conformance.BirdLexer.Token;

/**
 * Parses the BIRD configuration Calico's templates render: top-level {@code router id},
 * {@code listen bgp}, {@code function}, {@code filter}, {@code template}/{@code protocol}
 * blocks; everything else is skipped. Unknown filter syntax fails the parse loudly, so a
 * fixture using a construct this subset lacks cannot pass by accident. Not thread-safe.
 */
final class BirdParser {
    private final List<Token> tokens;
    private int pos;

    private String routerId;
    private String listenAddress;
    private int listenPort = 179;
    private final List<BirdConfig.Protocol> protocols = new ArrayList<>();
    private final Map<String, BirdAst.Function> functions = new LinkedHashMap<>();
    private final Map<String, Block> filters = new LinkedHashMap<>();

    private BirdParser(String text) {
        this.tokens = BirdLexer.tokens(text);
    }

    /** Parses the concatenated text of bird.cfg and the files it includes. */
    static BirdConfig parse(String text) {
        BirdParser p = new BirdParser(text);
        p.top();
        return new BirdConfig(p.routerId, p.listenAddress, p.listenPort, List.copyOf(p.protocols),
                Map.copyOf(p.functions), Map.copyOf(p.filters));
    }

    private void top() {
        while (peek().kind() != Kind.END) {
            Token t = next();
            switch (t.text()) {
                case "router" -> {
                    expect("id");
                    routerId = next().text();
                    expect(";");
                }
                case "listen" -> {
                    expect("bgp");
                    while (!peek().is(";")) {
                        String w = next().text();
                        if (w.equals("address")) listenAddress = next().text();
                        else if (w.equals("port")) listenPort = Integer.parseInt(next().text());
                    }
                    expect(";");
                }
                case "function" -> function();
                case "filter" -> {
                    String name = next().text();
                    filters.put(name, block());
                }
                case "protocol", "template" -> protocol(t.text().equals("template"));
                default -> skipStatement();
            }
        }
    }

    private void function() {
        String name = next().text();
        expect("(");
        List<String> params = new ArrayList<>();
        while (!peek().is(")")) {
            Token w = next();
            if (w.is(",")) continue;
            params.add(next().text()); // after the type word
        }
        expect(")");
        functions.put(name, new BirdAst.Function(name, params, block()));
    }

    private void protocol(boolean template) {
        String type = next().text();
        String name = null;
        String from = null;
        while (!peek().is("{")) {
            String w = next().text();
            if (w.equals("from")) from = next().text();
            else name = w;
        }
        expect("{");
        List<List<String>> options = new ArrayList<>();
        BirdConfig.Filter imp = null;
        BirdConfig.Filter exp = null;
        while (!peek().is("}")) {
            if (peek().is("import") || peek().is("export")) {
                boolean isImport = next().text().equals("import");
                BirdConfig.Filter f = filterSlot();
                if (isImport) imp = f;
                else exp = f;
                continue;
            }
            List<String> words = new ArrayList<>();
            int depth = 0;
            while (depth > 0 || !peek().is(";")) {
                Token w = next();
                if (w.is("{")) depth++;
                if (w.is("}")) depth--;
                words.add(w.text());
            }
            expect(";");
            options.add(words);
        }
        expect("}");
        protocols.add(new BirdConfig.Protocol(template, type, name, from, options, imp, exp));
    }

    private BirdConfig.Filter filterSlot() {
        Token t = next();
        BirdConfig.Filter f;
        if (t.is("all")) f = BirdConfig.Filter.ALL;
        else if (t.is("none")) f = BirdConfig.Filter.NONE;
        else if (t.is("filter") && peek().is("{")) f = new BirdConfig.Filter(null, block());
        else if (t.is("filter")) f = new BirdConfig.Filter(next().text(), null);
        else throw error(t, "filter slot");
        if (peek().is(";")) next();
        return f;
    }

    private Block block() {
        expect("{");
        List<Stmt> body = new ArrayList<>();
        while (!peek().is("}")) body.add(statement());
        expect("}");
        return new Block(body);
    }

    private Stmt statement() {
        Token t = peek();
        if (t.is("{")) return block();
        next();
        switch (t.text()) {
            case "if" -> {
                Expr c = expr();
                expect("then");
                Stmt then = statement();
                Stmt otherwise = null;
                if (peek().is("else")) {
                    next();
                    otherwise = statement();
                }
                return new BirdAst.If(c, then, otherwise);
            }
            case "accept" -> {
                skipToSemicolon();
                return new BirdAst.Accept();
            }
            case "reject" -> {
                skipToSemicolon();
                return new BirdAst.Reject();
            }
            case "bgp_community.add", "bgp_large_community.add" -> {
                expect("(");
                expect("(");
                List<String> parts = new ArrayList<>();
                while (!peek().is(")")) {
                    Token w = next();
                    if (!w.is(",")) parts.add(w.text());
                }
                expect(")");
                expect(")");
                expect(";");
                return new BirdAst.AddCommunity(t.text().startsWith("bgp_large"), parts);
            }
            default -> {
                if (peek().is("=")) {
                    next();
                    Expr v = primary();
                    expect(";");
                    return new BirdAst.Assign(t.text(), v);
                }
                if (peek().is("(")) {
                    next();
                    List<Expr> args = new ArrayList<>();
                    while (!peek().is(")")) {
                        if (peek().is(",")) next();
                        else args.add(expr());
                    }
                    expect(")");
                    expect(";");
                    return new BirdAst.Call(t.text(), args);
                }
                throw error(t, "statement");
            }
        }
    }

    private Expr expr() {
        Expr left = conjunction();
        while (peek().is("||")) {
            next();
            left = new BirdAst.Or(left, conjunction());
        }
        return left;
    }

    private Expr conjunction() {
        Expr left = comparison();
        while (peek().is("&&")) {
            next();
            left = new BirdAst.And(left, comparison());
        }
        return left;
    }

    private Expr comparison() {
        Expr left = primary();
        Token op = peek();
        if (op.kind() == Kind.SYMBOL && List.of("~", "!~", "=", "!=", "<", ">", "<=", ">=").contains(op.text())) {
            next();
            return new BirdAst.Compare(left, op.text(), primary());
        }
        return left;
    }

    private Expr primary() {
        Token t = next();
        if (t.is("(")) {
            Expr e = expr();
            expect(")");
            return e;
        }
        if (t.is("!")) return new BirdAst.Not(primary());
        if (t.is("[")) {
            List<String> items = new ArrayList<>();
            while (!peek().is("]")) {
                Token w = next();
                if (!w.is(",")) items.add(w.text());
            }
            expect("]");
            return new BirdAst.SetOf(items);
        }
        if (t.kind() == Kind.STRING) return new BirdAst.Text(t.text());
        if (t.is("defined")) {
            expect("(");
            String name = next().text();
            expect(")");
            return new BirdAst.Defined(name);
        }
        if (t.kind() == Kind.WORD) return new BirdAst.Name(t.text());
        throw error(t, "expression");
    }

    private void skipStatement() {
        int depth = 0;
        while (true) {
            Token t = next();
            if (t.kind() == Kind.END) return;
            if (t.is("{")) depth++;
            if (t.is("}") && --depth == 0 && !peek().is(";")) return;
            if (t.is(";") && depth == 0) return;
        }
    }

    private void skipToSemicolon() {
        while (!peek().is(";")) next();
        next();
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.END) pos++;
        return t;
    }

    private void expect(String text) {
        Token t = next();
        if (!t.is(text)) throw error(t, "'" + text + "'");
    }

    private static IllegalStateException error(Token t, String wanted) {
        return new IllegalStateException("line " + t.line() + ": expected " + wanted + ", got '" + t.text() + "'");
    }
}
