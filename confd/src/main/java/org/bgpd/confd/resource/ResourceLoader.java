package org.bgpd.confd.resource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Stateless; safe to share. Reads every {@code conf.d/*.yaml} of a confdir into
 * {@link TemplateResource}s. Keys: {@code src} (required, relative to {@code templates/}),
 * {@code dest} (required), {@code keys} (required list of watched prefixes), {@code mode}
 * (octal, default 0644), {@code check} (default: bgpd's configuration check; a shell command; or
 * {@code none}), {@code reload} (default: {@code configure} over {@code control-socket}; a shell
 * command; or {@code none}), {@code control-socket} (default {@code /var/run/calico/bird.ctl}).
 * Unknown keys are errors.
 */
public final class ResourceLoader {

    public static final Path DEFAULT_CONTROL_SOCKET = Path.of("/var/run/calico/bird.ctl");

    private static final Set<String> KNOWN = Set.of("src", "dest", "keys", "mode", "check", "reload", "control-socket");

    private ResourceLoader() {
    }

    public static List<TemplateResource> loadAll(Path confdir, String node) throws IOException {
        Path confD = confdir.resolve("conf.d");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(confD)) {
            s.filter(p -> p.getFileName().toString().matches("[^.].*\\.ya?ml")).sorted().forEach(files::add);
        }
        if (files.isEmpty()) {
            throw new IOException(confD + ": no template resources (*.yaml)");
        }
        List<TemplateResource> out = new ArrayList<>();
        for (Path f : files) {
            out.add(parse(Files.readString(f, StandardCharsets.UTF_8), f.getFileName().toString(), node));
        }
        return out;
    }

    public static TemplateResource parse(String text, String name, String node) throws IOException {
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new IOException(name + ": " + e.getMessage().replace('\n', ' '), e);
        }
        if (!(doc instanceof Map<?, ?> m)) {
            throw new IOException(name + ": expected a mapping");
        }
        for (Object k : m.keySet()) {
            if (!KNOWN.contains(String.valueOf(k))) {
                throw new IOException(name + ": unknown key '" + k + "' (expected one of " + KNOWN + ")");
            }
        }
        String src = required(m, "src", name);
        Path dest = Path.of(required(m, "dest", name));
        if (!(m.get("keys") instanceof List<?> rawKeys) || rawKeys.isEmpty()) {
            throw new IOException(name + ": 'keys' must be a non-empty list of key prefixes");
        }
        List<String> keys = new ArrayList<>();
        for (Object k : rawKeys) {
            keys.add(String.valueOf(k).replace("//NODENAME", "/" + node));
        }
        return new TemplateResource(name, src, dest, keys, mode(m.get("mode"), name),
                check(m.get("check")), reload(m.get("reload"), m.get("control-socket")));
    }

    private static String required(Map<?, ?> m, String key, String name) throws IOException {
        Object v = m.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new IOException(name + ": '" + key + "' is required");
        }
        return String.valueOf(v);
    }

    private static Set<PosixFilePermission> mode(Object raw, String name) throws IOException {
        // YAML 1.1 reads 0644 as the octal integer 420; a quoted "0644" stays text.
        int bits;
        if (raw == null) {
            bits = 0644;
        } else if (raw instanceof Integer i) {
            bits = i;
        } else {
            try {
                bits = Integer.parseInt(String.valueOf(raw), 8);
            } catch (NumberFormatException e) {
                throw new IOException(name + ": 'mode' must be octal, like \"0644\"");
            }
        }
        if (bits < 0 || bits > 0777) {
            throw new IOException(name + ": 'mode' must be within 0000..0777");
        }
        StringBuilder rwx = new StringBuilder();
        for (int shift = 6; shift >= 0; shift -= 3) {
            int b = bits >> shift;
            rwx.append((b & 4) != 0 ? 'r' : '-').append((b & 2) != 0 ? 'w' : '-').append((b & 1) != 0 ? 'x' : '-');
        }
        return PosixFilePermissions.fromString(rwx.toString());
    }

    private static TemplateResource.Check check(Object raw) {
        if (raw == null) {
            return new TemplateResource.Check.BgpdConfig();
        }
        String cmd = String.valueOf(raw).trim();
        return cmd.equals("none") ? new TemplateResource.Check.None() : new TemplateResource.Check.Shell(cmd);
    }

    private static TemplateResource.Reload reload(Object raw, Object socket) {
        if (raw == null) {
            return new TemplateResource.Reload.ControlSocket(
                    socket == null ? DEFAULT_CONTROL_SOCKET : Path.of(String.valueOf(socket)));
        }
        String cmd = String.valueOf(raw).trim();
        return cmd.equals("none") ? new TemplateResource.Reload.None() : new TemplateResource.Reload.Shell(cmd);
    }
}
