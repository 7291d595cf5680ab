package dev.commentguard.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Refuses an output that is one of the command's inputs, by path or by identity (a link, another spelling of the
 * path), before anything is read or written: {@code score --input x.csv --output x.csv} would replace the comments
 * with verdicts.
 */
final class SameFile {

    private SameFile() {
    }

    /**
     * @param option the output's option, e.g. {@code --output}
     * @param output the output file, or null when there is none
     * @param inputs the input files by their option; standard input ({@code -}) and nulls are passed over
     */
    static void refuse(String option, Path output, Map<String, List<Path>> inputs) {
        if (output == null || output.toString().equals("-")) {
            return;
        }
        for (Map.Entry<String, List<Path>> e : inputs.entrySet()) {
            for (Path input : e.getValue()) {
                if (input != null && !input.toString().equals("-") && same(output, input)) {
                    throw new Main.UsageException(option + " " + output + " is the same file as " + e.getKey() + " " + input
                            + "; writing it would destroy that input: choose another output file");
                }
            }
        }
    }

    private static boolean same(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false; // one of them cannot be looked at: reading or writing it will say why
        }
    }
}
