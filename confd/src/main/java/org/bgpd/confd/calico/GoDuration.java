package org.bgpd.confd.calico;

/**
 * Go duration strings as Kubernetes serialises metav1.Duration ({@code 120s}, {@code 2m30s},
 * {@code 1h}, {@code 500ms}), rounded to whole seconds as confd does. Malformed text is 0.
 * Stateless; safe to share.
 */
final class GoDuration {

    private GoDuration() {}

    static long seconds(String text) {
        String s = text.trim();
        if (s.matches("\\d+")) {
            return Long.parseLong(s) / 1_000_000_000L;
        }
        double total = 0;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            int unitStart = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            if (start == unitStart || unitStart == i) {
                return 0;
            }
            double n;
            try {
                n = Double.parseDouble(s.substring(start, unitStart));
            } catch (NumberFormatException e) {
                return 0;
            }
            switch (s.substring(unitStart, i)) {
                case "h" -> total += n * 3600;
                case "m" -> total += n * 60;
                case "s" -> total += n;
                case "ms" -> total += n / 1e3;
                case "us", "µs" -> total += n / 1e6;
                case "ns" -> total += n / 1e9;
                default -> {
                    return 0;
                }
            }
        }
        return Math.round(total);
    }
}
