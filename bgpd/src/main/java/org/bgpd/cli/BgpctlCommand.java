package org.bgpd.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bgpctl}: one command to the daemon's control socket, its reply printed without BIRD's
 * numeric codes, or as JSON lines with {@code --json} (schema: control/JSON.md). Exits 1 on an
 * error reply, 2 when the socket does not answer. Runs on the main thread.
 */
@Command(name = "bgpctl", mixinStandardHelpOptions = true, version = "bgpctl 0.1.0",
        description = {"Query and control a running bgpd through its control socket.", "",
                "Commands (BIRD's syntax):",
                "  show status | show memory",
                "  show protocols [all] [NAME | \"PATTERN\"]",
                "  show route [for ADDR | PREFIX] [table T] [protocol NAME] [primary] [all] [count]",
                "  configure [check] [\"FILE\"]",
                "  enable | disable | restart | reload [in | out]  NAME | \"PATTERN\" | all",
                "  down",
                "  graceful-restart  (or: graceful restart) stop without withdrawing routes (RFC 4724)"})
public final class BgpctlCommand implements Callable<Integer> {
    static final String DEFAULT_SOCKET = "/run/bgpd/bgpd.ctl";
    private static final Set<String> VERBS = Set.of("show", "configure", "enable", "disable", "restart", "reload", "down",
            "graceful", "graceful-restart");

    @Option(names = {"-s", "--socket"}, description = "control socket path (default: $BGPD_SOCKET or " + DEFAULT_SOCKET + ")")
    Path socket;

    @Option(names = "--json", description = "print one JSON object per line")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "WORD", description = "the command, e.g. show protocols all")
    List<String> words;

    private final PrintStream out;
    private final PrintStream err;

    public BgpctlCommand() { this(System.out, System.err); }

    BgpctlCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (!VERBS.contains(words.get(0))) {
            err.println("bgpctl: unknown command '" + words.get(0) + "' (try --help)");
            return 2;
        }
        Path path = socket != null ? socket : Path.of(System.getenv().getOrDefault("BGPD_SOCKET", DEFAULT_SOCKET));
        String command = commandLine(words);
        try (ControlClient client = ControlClient.connect(path)) {
            ControlClient.Line last = client.send(json ? "json " + command : command, this::print);
            return last.isError() ? 1 : 0;
        } catch (IOException e) {
            err.println("bgpctl: " + path + ": " + e.getMessage());
            return 2;
        }
    }

    private void print(ControlClient.Line l) {
        if (l.isError()) {
            if (json) out.println("{\"error\":{\"code\":" + l.code() + ",\"message\":" + quote(l.text()) + "}}");
            else err.println(l.text());
            return;
        }
        // BIRD ends most replies with an empty 0000 line; birdc prints nothing for it either.
        if (l.last() && l.code() == 0 && l.text().isEmpty()) return;
        out.println(l.text());
    }

    /** The words as one command line; patterns and words with spaces are quoted as BIRD expects. */
    static String commandLine(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (!sb.isEmpty()) sb.append(' ');
            if (sb.isEmpty() && w.equals("graceful-restart")) {
                sb.append("graceful restart"); // BIRD's two words, so birdc and bgpctl send the same line
                continue;
            }
            boolean quote = !w.startsWith("\"") && (w.indexOf('*') >= 0 || w.indexOf('?') >= 0 || w.indexOf(' ') >= 0);
            sb.append(quote ? "\"" + w + "\"" : w);
        }
        return sb.toString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BgpctlCommand()).execute(args));
    }
}
