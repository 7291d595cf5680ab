package dev.commentguard.cli;

import dev.commentguard.Article;
import dev.commentguard.io.CommentReader;
import dev.commentguard.io.ExportFormat;
import dev.commentguard.io.FileProblems;
import dev.commentguard.io.InputOptions;
import dev.commentguard.io.InputRow;
import dev.commentguard.io.Rejects;
import dev.commentguard.io.SiteExports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Input that can be read only once: standard input ({@code -}), a pipe named as a file ({@code /dev/stdin},
 * {@code <(...)}), a FIFO. An export is recognised from its first bytes, which are read and put back, as a file's
 * are by reading its start and opening it again: so that {@code wp export --stdout | ... --data -} reads the WXR it is
 * given. Stateless.
 */
final class ReadOnce {

    private ReadOnce() {
    }

    /** An export has no columns to group by: {@code --group-column} with one is refused, wherever the export comes from. */
    static void refuseGroupColumn(InputOptions options, String name, ExportFormat export) {
        if (options.groupColumn() != null) {
            throw new Main.UsageException("--group-column " + options.groupColumn() + " names a column of a CSV or JSON"
                    + " Lines file; " + name + " is a " + export.option() + " export, which has no columns");
        }
    }

    /**
     * Reads {@code file} ('-' for standard input, which the readers close at its end, as they always did), handing an export's result to {@code exported}
     * and the rows of our CSV or JSON Lines to {@code rows}.
     *
     * @return what it was read as: an export's option name, jsonl or csv
     */
    static String read(Path file, String inputFormat, InputOptions options, SiteExports.Options exportOptions,
                       Map<String, Article> articles, boolean requireLabel, Rejects rejects,
                       Consumer<SiteExports.Result> exported, Consumer<InputRow> rows) throws IOException {
        boolean stdin = file.toString().equals("-");
        BufferedInputStream in = new BufferedInputStream(stdin ? System.in : FileProblems.open(file), 1 << 16);
        try {
            String name = stdin ? "<stdin>" : file.toString();
            ExportFormat named = ExportFormat.named(inputFormat);
            ExportFormat export = named != null ? named : inputFormat.equalsIgnoreCase("auto") ? ExportFormat.detect(in) : null;
            if (export != null) {
                refuseGroupColumn(options, name, export);
                exported.accept(SiteExports.read(in, name, export, exportOptions, articles, options.encoding(), requireLabel,
                        rejects));
                return export.option();
            }
            boolean jsonl = stdin ? "jsonl".equals(options.format()) : CommentReader.isJsonLines(name, options);
            CommentReader.forEach(in, name, jsonl, options, options.delimiter() == null ? ',' : options.delimiter(), articles,
                    requireLabel, rejects, rows);
            return jsonl ? "jsonl" : "csv";
        } finally {
            if (!stdin) {
                in.close();
            }
        }
    }
}
