package org.bgpd.fib.learn;

import org.bgpd.rib.route.Prefix;

/**
 * A prefix with a length range, as in BIRD's {@code 10.244.0.0/16{26,32}} or FRR's
 * {@code 10.244.0.0/16 ge 26 le 32}: matches prefixes inside {@code base} whose length is in
 * {@code ge..le}. Immutable; safe to share.
 */
public record PrefixRange(Prefix base, int ge, int le) {

    public PrefixRange {
        if (ge < base.length() || le < ge || le > base.family().maxLength())
            throw new IllegalArgumentException("bad range " + base + " ge " + ge + " le " + le);
    }

    /** Exactly {@code p}. */
    public static PrefixRange exact(Prefix p) { return new PrefixRange(p, p.length(), p.length()); }

    /** {@code p} and everything more specific. */
    public static PrefixRange orLonger(Prefix p) { return new PrefixRange(p, p.length(), p.family().maxLength()); }

    /** "10.0.0.0/8", "10.0.0.0/8 ge 24", "10.0.0.0/8 le 24", "10.0.0.0/8 ge 24 le 32". */
    public static PrefixRange parse(String s) {
        String[] f = s.trim().split("\\s+");
        Prefix p = Prefix.parse(f[0]);
        int ge = p.length(), le = p.length();
        boolean sawGe = false, sawLe = false;
        for (int i = 1; i < f.length; i += 2) {
            if (i + 1 >= f.length) throw new IllegalArgumentException("missing value after '" + f[i] + "' in '" + s + "'");
            int v;
            try {
                v = Integer.parseInt(f[i + 1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad length '" + f[i + 1] + "' in '" + s + "'");
            }
            switch (f[i]) {
                case "ge" -> { ge = v; sawGe = true; }
                case "le" -> { le = v; sawLe = true; }
                default -> throw new IllegalArgumentException("expected ge or le, got '" + f[i] + "' in '" + s + "'");
            }
        }
        if (sawGe && !sawLe) le = p.family().maxLength();
        return new PrefixRange(p, ge, le);
    }

    public boolean matches(Prefix p) {
        return p.length() >= ge && p.length() <= le && base.contains(p);
    }
}
