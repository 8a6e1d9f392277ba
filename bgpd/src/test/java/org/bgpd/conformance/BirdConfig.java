package org.bgpd.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed BIRD configuration (bird.cfg with its included bird_aggr.cfg and bird_ipam.cfg):
 * global settings, protocols as option word lists plus their filters, named functions and
 * filters. Immutable after parsing; safe to share.
 */
record BirdConfig(String routerId, String listenAddress, int listenPort, List<Protocol> protocols,
                  Map<String, BirdAst.Function> functions, Map<String, BirdAst.Block> filters) {

    /** A filter slot: {@code all}, {@code none}, a named filter or an inline block. */
    record Filter(String named, BirdAst.Block inline) {
        static final Filter ALL = new Filter("all", null);
        static final Filter NONE = new Filter("none", null);
    }

    /**
     * {@code protocol TYPE [NAME] [from TEMPLATE] { ... }} or {@code template TYPE NAME { ... }};
     * options are the words of each {@code ...;} statement.
     */
    record Protocol(boolean template, String type, String name, String from, List<List<String>> options,
                    Filter importFilter, Filter exportFilter) {

        /** The first option starting with these words, or null; inherited options come first. */
        List<String> option(String... words) {
            List<String> found = null;
            for (List<String> o : options) {
                if (o.size() >= words.length && o.subList(0, words.length).equals(List.of(words))) found = o;
            }
            return found;
        }

        /** This protocol's options after its template's (BIRD's {@code from}). */
        Protocol inherit(Protocol t) {
            if (t == null) return this;
            List<List<String>> all = new ArrayList<>(t.options);
            all.addAll(options);
            return new Protocol(false, type, name, from, all,
                    importFilter != null ? importFilter : t.importFilter,
                    exportFilter != null ? exportFilter : t.exportFilter);
        }
    }

    Protocol protocol(String name) {
        for (Protocol p : protocols) {
            if (name.equals(p.name())) return p;
        }
        return null;
    }

    /** Protocols of one type with their template's options merged in. */
    List<Protocol> resolved(String type) {
        List<Protocol> out = new ArrayList<>();
        for (Protocol p : protocols) {
            if (!p.template() && p.type().equals(type)) {
                out.add(p.from() == null ? p : p.inherit(protocol(p.from())));
            }
        }
        return out;
    }
}
