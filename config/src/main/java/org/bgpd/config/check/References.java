package org.bgpd.config.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;

/**
 * Owned by one load; not thread-safe. Names used before all definitions are known (a policy
 * naming a prefix list defined further down), checked once the whole file has been read.
 */
public final class References {

    /** What a name refers to, as the error message says it. */
    public enum Kind {
        POLICY("policy"),
        PREFIX_LIST("prefix list"),
        PEER("peer");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private record Use(Kind kind, String name, Mark mark) {
    }

    private final List<Use> uses = new ArrayList<>();

    public void use(Kind kind, String name, Mark mark) {
        uses.add(new Use(kind, name, mark));
    }

    public void check(Set<String> policies, Set<String> prefixLists, Set<String> peers, Diagnostics diag) {
        for (Use u : uses) {
            Set<String> defined = switch (u.kind) {
                case POLICY -> policies;
                case PREFIX_LIST -> prefixLists;
                case PEER -> peers;
            };
            if (!defined.contains(u.name)) {
                diag.error(u.mark, u.kind.label + " '" + u.name + "' is not defined");
            }
        }
    }
}
