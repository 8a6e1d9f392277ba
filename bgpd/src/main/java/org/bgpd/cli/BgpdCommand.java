package org.bgpd.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bgpd} command line: the daemon and its offline subcommands. Runs on the main thread. */
@Command(name = "bgpd", mixinStandardHelpOptions = true, version = "bgpd 0.1.0",
        description = "BGP daemon for container clusters: node client, route reflector, BIRD-compatible control socket.",
        subcommands = {RunCommand.class, CheckCommand.class, ConfdCommand.class, LabCommand.class})
public final class BgpdCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BgpdCommand()).execute(args));
    }
}
