package dev.commentguard.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line gets only the command its arguments run, and every command when they run none. */
class CommandLineTest {

    @Test
    void aCommandsNameFirstBuildsThatCommandAlone() {
        assertThat(Main.commandLine(new String[] {"score", "a comment"}).getSubcommands()).containsOnlyKeys("score");
        assertThat(Main.commandLine(new String[] {"feedback", "export"}).getSubcommands()).containsOnlyKeys("feedback");
    }

    @Test
    void helpAnOptionAMistypedNameOrNothingGetEveryCommand() {
        for (String[] args : new String[][] {{}, {"help", "score"}, {"--help"}, {"scor", "x"}}) {
            assertThat(Main.commandLine(args).getSubcommands())
                    .containsOnlyKeys("train", "score", "evaluate", "info", "feedback", "serve", "help");
        }
    }

    @Test
    void theHelpOfOneCommandIsTheSameEitherWay() {
        assertThat(help(Main.commandLine(new String[] {"score", "--help"}), "score", "--help"))
                .isEqualTo(help(Main.commandLine(), "score", "--help"))
                .contains("Usage: commentguard score");
    }

    @Test
    void aMistypedCommandIsStillSuggested() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(new String[] {"scor"}).setErr(new PrintWriter(err));
        assertThat(cl.execute("scor")).isEqualTo(2);
        assertThat(err.toString()).contains("Did you mean: commentguard score?");
    }

    @Test
    void aUsageErrorIsTheErrorAndWhereTheHelpIsNotTheWholeHelp() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(new String[] {"score"}).setErr(new PrintWriter(err));
        assertThat(cl.execute("score", "--fromat", "jsonl", "x")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: Unknown option: '--fromat'\nSee 'commentguard score --help'.\n");
    }

    @Test
    void everyCommandPrintsTheVersionItsHelpOffers() {
        for (String[] args : new String[][] {{"score", "-V"}, {"train", "--version"}, {"feedback", "export", "-V"}}) {
            StringWriter out = new StringWriter();
            CommandLine cl = Main.commandLine(args).setOut(new PrintWriter(out));
            assertThat(cl.execute(args)).isZero();
            assertThat(out.toString()).as(String.join(" ", args)).startsWith("CommentGuard ").contains("Weka ");
        }
    }

    @Test
    void everyHelpTextFormatsWithoutAWarning() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            CommandLine all = Main.commandLine();
            all.getUsageMessage();
            all.getSubcommands().values().forEach(c -> {
                c.getUsageMessage();
                c.getSubcommands().values().forEach(CommandLine::getUsageMessage);
            });
        } finally {
            System.setErr(saved);
        }
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).as("picocli's warnings, e.g. an unescaped %").isEmpty();
    }

    private static String help(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out)).execute(args);
        return out.toString();
    }
}
