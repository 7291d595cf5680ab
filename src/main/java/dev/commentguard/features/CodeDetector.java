package dev.commentguard.features;

import java.util.regex.Pattern;

/**
 * Recognises code, stack traces, logs and program output inside a comment, so that their numbers are
 * not read as phone numbers and their words ("error", "install", "download") not as tech-support
 * spam. Works on the raw text, whose line breaks and indentation carry the evidence. Pure functions:
 * thread-safe.
 */
final class CodeDetector {

    /** Lines that are code, a trace or a log whatever surrounds them. */
    private static final Pattern CODE_LINE = Pattern.compile(
            "^(?:\\s{0,8}+at [\\w$.<>]{2,200}+\\([^)]{0,200}+\\)"                       // Java stack frame
                    + "|\\s{0,8}+File \"[^\"]{1,300}+\", line \\d{1,6}+"                 // Python stack frame
                    + "|Traceback \\(most recent call last\\)"
                    + "|\\s{0,4}+(?:[\\w.]{0,100}?(?:Error|Exception)|panic|fatal|error\\[E\\d{1,5}+\\]|npm ERR!)(?::|\\s)"
                    + "|\\s{0,4}+\\[?\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}"                   // timestamped log line
                    + "|\\s{0,4}+\\[?\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,6}+)?\\]?\\s"
                    + "|.{0,40}?\\b(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL)\\b[\\]:]"
                    + "|.{0,200}?\\(cost=\\d{1,12}+\\.\\d\\d\\.\\.\\d"                        // a query plan's node
                    + "|\\s{0,12}+(?:->\\s{1,4}+)?(?:(?:Index |Merge |Hash |Recheck )?Cond|(?:Join )?Filter|Rows Removed by (?:Join )?Filter|Sort Key"
                    + "|Planning Time|Execution Time|Buffers): "
                    + "|\\s{0,4}+\\$ \\S"                                                  // shell prompt
                    + "|\\s{0,4}+(?:>>>|In \\[\\d{1,5}+\\]:)\\s"                          // REPL
                    + "|\\s{0,4}+(?:import [\\w.]{1,100}+$|from [\\w.]{1,100}+ import |def \\w{1,100}+\\(|class \\w{1,100}+[(:{]"
                    + "|public (?:static |final |class |void )|private (?:static |final |void )|function \\w{0,100}+\\("
                    + "|const \\w{1,100}+ =|let \\w{1,100}+ =|var \\w{1,100}+ =|#include|package [\\w.]{1,100}+;"
                    + "|return [^.!?;]{0,100}+;|if \\(|for \\(|while \\(|SELECT .{1,200}? FROM|INSERT INTO|sudo \\S"
                    + "|(?:pip3?|npm|yarn|apt|apt-get|brew|cargo|gem|conda) (?:install|i|update|upgrade|remove|run|build) "
                    + "|git (?:clone|pull|push|checkout|commit|status|log|rebase|merge|diff|fetch|reset|stash) "
                    + "|(?:cd|ls|curl|wget|echo|export|mvn|gradle|python3?|java|node|kubectl|docker) -{0,2}+\\S{0,200}?[./=]))");

    private static final Pattern FENCE = Pattern.compile("^\\s{0,4}+(?:```|~~~)");

    private CodeDetector() {
    }

    /** The share of the comment's non-blank lines that are code, logs or output, with inline code counted. */
    static double share(String raw) {
        if (!mayHoldCode(raw)) {
            return 0;
        }
        int lines = 0;
        int code = 0;
        boolean fenced = false;
        for (String line : raw.split("\n", 2001)) {
            if (line.isBlank()) {
                continue;
            }
            lines++;
            boolean fence = FENCE.matcher(line).find();
            if (fence || fenced || isCodeLine(line)) {
                code++;
            }
            if (fence) {
                fenced = !fenced;
            }
        }
        double share = lines == 0 ? 0 : code / (double) lines;
        if (share == 0 && inlineCode(raw)) {
            share = 0.25;
        }
        return Math.min(1.0, share);
    }

    /** The comment without the lines {@link #share} counts as code: what is left is prose. */
    static String withoutCode(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        boolean fenced = false;
        for (String line : raw.split("\n", 2001)) {
            boolean fence = FENCE.matcher(line).find();
            if (!fence && !fenced && !isCodeLine(line)) {
                out.append(line.replaceAll("`[^`\n]{1,300}+`", " ")).append('\n');
            }
            if (fence) {
                fenced = !fenced;
            }
        }
        return out.toString();
    }

    private static boolean isCodeLine(String line) {
        if (line.startsWith("    ") || line.startsWith("\t")) {
            return !line.isBlank();
        }
        if (CODE_LINE.matcher(line).find()) {
            return true;
        }
        return symbolDensity(line) >= 0.12;
    }

    /** Share of the characters that only code uses often: braces, semicolons, operators. */
    private static double symbolDensity(String line) {
        if (line.length() < 12 || line.contains("://")) {
            return 0; // a link's slashes and underscores are not code
        }
        int symbols = 0;
        for (int i = 0; i < line.length(); i++) {
            if ("{}[]();=<>|\\*&$%".indexOf(line.charAt(i)) >= 0) {
                symbols++;
            }
        }
        return symbols / (double) line.length();
    }

    private static boolean inlineCode(String raw) {
        int first = raw.indexOf('`');
        return first >= 0 && raw.indexOf('`', first + 2) > first;
    }

    /**
     * A cheap look: a comment holds code worth finding only across lines, in backticks or with the braces
     * and semicolons of code; a single line of prose with a colon or a bracket is skipped.
     */
    private static boolean mayHoldCode(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\n' || c == '`' || c == '{' || c == ';') {
                return true;
            }
        }
        return false;
    }
}
