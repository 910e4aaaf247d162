package org.dyad.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Set;

/**
 * Dyad's command line: long operations started on a running Dyad and followed with a progress bar. Run as
 * {@code java -jar dyad-app.jar <command>}; without a command the jar starts Dyad itself.
 */
@Command(name = "dyad", mixinStandardHelpOptions = true,
        subcommands = {RebuildViewsCommand.class, ImportSipriCommand.class},
        description = "Operate a running Dyad.")
public class DyadCli {

    private static final Set<String> COMMANDS = Set.of("rebuild-views", "import-sipri", "--help", "-h");

    /** Whether these arguments ask for a command rather than the server. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args) {
        return new CommandLine(new DyadCli()).execute(args);
    }
}
