package org.bgpd.conformance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.bgpd.conformance.BirdAst.Expr;
import org.bgpd.conformance.BirdAst.Stmt;

/**
 * Runs the filters of a parsed {@link BirdConfig} on a {@link ProbeRoute} the way BIRD 2 does:
 * {@code accept}/{@code reject} end the whole filter, functions run in the caller's route
 * context, and falling off the end of a filter rejects. Not thread-safe; one per evaluation.
 */
final class BirdEvaluator {

    private enum Signal { NONE, ACCEPT, REJECT }

    private final BirdConfig config;
    private final ProbeRoute route;
    private final TreeSet<String> communities = new TreeSet<>();
    private final TreeSet<String> large = new TreeSet<>();
    private String tunnel;

    private BirdEvaluator(BirdConfig config, ProbeRoute route) {
        this.config = config;
        this.route = route;
    }

    /** The outcome of one filter slot for {@code route}. */
    static FilterOutcome run(BirdConfig config, BirdConfig.Filter filter, ProbeRoute route) {
        if (filter == null || filter == BirdConfig.Filter.NONE) return FilterOutcome.REJECTED;
        if (filter == BirdConfig.Filter.ALL) return new FilterOutcome(true, new TreeSet<>(), new TreeSet<>(), null);
        BirdAst.Block body = filter.inline() != null ? filter.inline() : config.filters().get(filter.named());
        if (body == null) throw new IllegalStateException("undefined filter " + filter.named());
        BirdEvaluator e = new BirdEvaluator(config, route);
        Signal s = e.exec(body, Map.of());
        if (s != Signal.ACCEPT) return FilterOutcome.REJECTED;
        String dev = e.tunnel == null || e.tunnel.isEmpty() ? null : e.tunnel;
        return new FilterOutcome(true, e.communities, e.large, dev);
    }

    private Signal exec(Stmt s, Map<String, Object> vars) {
        switch (s) {
            case BirdAst.Block b -> {
                for (Stmt inner : b.body()) {
                    Signal r = exec(inner, vars);
                    if (r != Signal.NONE) return r;
                }
                return Signal.NONE;
            }
            case BirdAst.If i -> {
                if (truth(eval(i.condition(), vars))) return exec(i.then(), vars);
                return i.otherwise() == null ? Signal.NONE : exec(i.otherwise(), vars);
            }
            case BirdAst.Accept a -> {
                return Signal.ACCEPT;
            }
            case BirdAst.Reject r -> {
                return Signal.REJECT;
            }
            case BirdAst.AddCommunity c -> {
                (c.large() ? large : communities).add(String.join(":", c.parts()));
                return Signal.NONE;
            }
            case BirdAst.Assign a -> {
                if (!a.attribute().equals("krt_tunnel")) throw new IllegalStateException("assignment to " + a.attribute());
                tunnel = (String) eval(a.value(), vars);
                return Signal.NONE;
            }
            case BirdAst.Call c -> {
                BirdAst.Function f = config.functions().get(c.function());
                if (f == null) throw new IllegalStateException("undefined function " + c.function());
                Map<String, Object> args = new HashMap<>();
                for (int i = 0; i < f.params().size(); i++) args.put(f.params().get(i), eval(c.args().get(i), vars));
                return exec(f.body(), args);
            }
        }
    }

    private static boolean truth(Object v) {
        if (v instanceof Boolean b) return b;
        throw new IllegalStateException("not a boolean: " + v);
    }

    private Object eval(Expr e, Map<String, Object> vars) {
        return switch (e) {
            case BirdAst.Text t -> t.value();
            case BirdAst.SetOf s -> s.items();
            case BirdAst.Defined d -> value(d.name(), vars) != null;
            case BirdAst.And a -> truth(eval(a.left(), vars)) && truth(eval(a.right(), vars));
            case BirdAst.Or o -> truth(eval(o.left(), vars)) || truth(eval(o.right(), vars));
            case BirdAst.Not n -> !truth(eval(n.inner(), vars));
            case BirdAst.Name n -> {
                Object v = value(n.name(), vars);
                if (v == null) throw new IllegalStateException("undefined " + n.name() + " for " + route);
                yield v;
            }
            case BirdAst.Compare c -> compare(eval(c.left(), vars), c.op(), eval(c.right(), vars));
        };
    }

    /** A route attribute, a variable, a constant or a literal; null when undefined for this route. */
    private Object value(String name, Map<String, Object> vars) {
        if (vars.containsKey(name)) return vars.get(name);
        return switch (name) {
            case "net" -> route.net();
            case "net.len" -> (long) route.net().length();
            case "ifname" -> route.device();
            case "source" -> switch (route.source()) {
                case BGP -> "RTS_BGP";
                case STATIC -> "RTS_STATIC";
                case KERNEL -> "RTS_INHERIT";
            };
            case "bgp_next_hop" -> route.bgpNextHop();
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                Cidr c = Cidr.parse(name);
                if (c != null) yield c;
                if (name.chars().allMatch(Character::isDigit)) yield Long.parseLong(name);
                if (name.startsWith("RTS_")) yield name;
                yield null;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static boolean compare(Object l, String op, Object r) {
        boolean match = switch (op) {
            case "~", "!~" -> {
                if (l instanceof Cidr a && r instanceof Cidr b) yield b.covers(a);
                if (l instanceof String s && r instanceof String pattern) yield glob(pattern, s);
                if (r instanceof List<?> set) yield setMatch(l, (List<String>) set);
                throw new IllegalStateException("cannot match " + l + " ~ " + r);
            }
            case "=", "!=" -> l.equals(r);
            case "<" -> (Long) l < (Long) r;
            case ">" -> (Long) l > (Long) r;
            case "<=" -> (Long) l <= (Long) r;
            case ">=" -> (Long) l >= (Long) r;
            default -> throw new IllegalStateException(op);
        };
        return op.startsWith("!") ? !match : match;
    }

    private static boolean setMatch(Object l, List<String> set) {
        for (String item : set) {
            if (item.equals(l)) return true;
            Cidr c = Cidr.parse(item);
            if (c != null && c.equals(l)) return true;
        }
        return false;
    }

    /** BIRD's shell-like pattern: {@code *} any run, {@code ?} one character. */
    static boolean glob(String pattern, String s) {
        return s.matches(java.util.regex.Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"));
    }
}
