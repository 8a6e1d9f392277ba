package org.bgpd.confd.template;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stateless; safe to share. confd's lookupIP without DNS: an address literal is itself, a name is
 * looked up in a hosts file. A render must not hang on a resolver or change with DNS answers
 * between two renders of the same keys, so nothing goes to the network.
 */
final class IpLookup {

    private IpLookup() {
    }

    static List<String> lookup(String name, Path hostsFile) {
        String literal = literal(name);
        if (literal != null) {
            return List.of(literal);
        }
        List<String> out = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(hostsFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return out;
        }
        for (String line : lines) {
            int hash = line.indexOf('#');
            String[] fields = (hash < 0 ? line : line.substring(0, hash)).trim().split("\\s+");
            for (int i = 1; i < fields.length; i++) {
                String address = literal(fields[0]);
                if (fields[i].equalsIgnoreCase(name) && address != null && !out.contains(address)) {
                    out.add(address);
                }
            }
        }
        return out;
    }

    private static String literal(String text) {
        if (text.isEmpty() || !(Character.digit(text.charAt(0), 16) >= 0 || text.charAt(0) == ':')) {
            return null;
        }
        try {
            return InetAddress.ofLiteral(text).getHostAddress();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
