package org.bgpd.conformance;

import java.util.List;

/** The filter-language subset Calico's v3.31 templates use, as a tree. Immutable; safe to share. */
final class BirdAst {

    sealed interface Expr {}

    /** A name: {@code net}, {@code ifname}, {@code source}, {@code bgp_next_hop}, a bool parameter, a constant. */
    record Name(String name) implements Expr {}

    record Text(String value) implements Expr {}

    /** {@code [ a, b ]}: a set of words (prefixes, RTS_* constants). */
    record SetOf(List<String> items) implements Expr {}

    record Defined(String name) implements Expr {}

    /** {@code ~ !~ = != < > <= >=}. */
    record Compare(Expr left, String op, Expr right) implements Expr {}

    record And(Expr left, Expr right) implements Expr {}

    record Or(Expr left, Expr right) implements Expr {}

    record Not(Expr inner) implements Expr {}

    sealed interface Stmt {}

    record If(Expr condition, Stmt then, Stmt otherwise) implements Stmt {}

    record Block(List<Stmt> body) implements Stmt {}

    record Accept() implements Stmt {}

    record Reject() implements Stmt {}

    record Call(String function, List<Expr> args) implements Stmt {}

    /** {@code bgp_community.add((a, b))} and {@code bgp_large_community.add((a, b, c))}. */
    record AddCommunity(boolean large, List<String> parts) implements Stmt {}

    record Assign(String attribute, Expr value) implements Stmt {}

    record Function(String name, List<String> params, Block body) {}

    private BirdAst() {}
}
