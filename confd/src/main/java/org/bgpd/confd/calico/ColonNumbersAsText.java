package org.bgpd.confd.calico;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML 1.1 reads {@code 5663:12} as a base-60 integer (339792); Calico's Go YAML reads it as the
 * text of a BGP community, so plain scalars of digits and colons stay strings here. Other YAML
 * 1.1 rules (such as {@code yes} as a boolean) are kept, as Calico keeps them.
 * Stateless after construction; one per Yaml instance.
 */
final class ColonNumbersAsText extends Resolver {
    private static final Pattern COLON_NUMBERS = Pattern.compile("[0-9]+(?::[0-9]+)+");

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
        if (kind == NodeId.scalar && implicit && COLON_NUMBERS.matcher(value).matches()) {
            return Tag.STR;
        }
        return super.resolve(kind, value, implicit);
    }
}
