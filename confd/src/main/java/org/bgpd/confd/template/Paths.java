package org.bgpd.confd.template;

/** Stateless; safe to share. Go's path.Base and path.Dir, which confd's base and dir call. */
final class Paths {

    private Paths() {
    }

    static String base(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        String p = stripTrailingSlashes(path);
        if (p.isEmpty()) {
            return "/";
        }
        return p.substring(p.lastIndexOf('/') + 1);
    }

    static String dir(String path) {
        int slash = path.lastIndexOf('/');
        String d = slash < 0 ? "" : path.substring(0, slash + 1);
        d = stripTrailingSlashes(d.replaceAll("/{2,}", "/"));
        if (d.isEmpty()) {
            return slash == 0 || path.startsWith("/") ? "/" : ".";
        }
        return d;
    }

    private static String stripTrailingSlashes(String p) {
        int end = p.length();
        while (end > 0 && p.charAt(end - 1) == '/') {
            end--;
        }
        return p.substring(0, end);
    }
}
