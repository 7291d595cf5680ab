package dev.commentguard.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/** How the command line answers a usage error, and the version on every command: set up by {@link Main#commandLine}. */
final class CommandLineParts {

    private CommandLineParts() {
    }

    /**
     * A mistyped or missing option: the error, picocli's suggestion if it has one, and where the help is, in a few lines
     * rather than the command's whole help (a hundred lines and more, the error above them scrolled away).
     */
    static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** {@code -V} on every command, as each one's help promises, not only on the top one. */
    static void versionEverywhere(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandSpec().version().length == 0) {
                sub.getCommandSpec().versionProvider(new VersionProvider());
            }
            versionEverywhere(sub);
        }
    }
}
