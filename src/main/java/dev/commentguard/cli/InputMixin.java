package dev.commentguard.cli;

import dev.commentguard.Article;
import dev.commentguard.io.CommentReader;
import dev.commentguard.io.InputOptions;
import dev.commentguard.io.InputRow;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The options that say how to read comment files, shared by train, score and evaluate. */
final class InputMixin {

    @Option(names = "--text-column", paramLabel = "NAME", description = "Column (or JSON field) holding the comment. "
            + "Default: text, content, comment, body or message. A 1-based number with --no-header.")
    String textColumn;

    @Option(names = "--label-column", paramLabel = "NAME", description = "Column holding the label. Default: label, class or tag. "
            + "A 1-based number with --no-header (default 1).")
    String labelColumn;

    @Option(names = "--id-column", paramLabel = "NAME", description = "Column holding the comment id. Default: id or comment_id.")
    String idColumn;

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "CSV field delimiter: a character, or 'tab'. "
            + "Default: tab for .tsv/.tab files, else comma.")
    String delimiter;

    @Option(names = "--no-header", description = "The CSV file has no header row; columns are then named by number.")
    boolean noHeader;

    @Option(names = "--quote", paramLabel = "CHAR", description = "CSV quote character, or 'none'. Default: \" (none for tab-separated files).")
    String quote;

    @Option(names = "--input-format", paramLabel = "FMT", defaultValue = "auto",
            description = "auto, csv or jsonl. Default: by file name (.jsonl and .ndjson are JSON Lines).")
    String inputFormat;

    @Option(names = "--articles", paramLabel = "FILE", description = "Articles file (id,title,text) joined to comments by their article_id column.")
    Path articles;

    InputOptions options() {
        Character delim = null;
        if (delimiter != null) {
            if (delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t")) {
                delim = '\t';
            } else if (delimiter.length() == 1) {
                delim = delimiter.charAt(0);
            } else {
                throw new Main.UsageException("--delimiter takes one character or 'tab': '" + delimiter + "'");
            }
        }
        Optional<Character> q = null;
        if (quote != null) {
            if (quote.equalsIgnoreCase("none")) {
                q = Optional.empty();
            } else if (quote.length() == 1) {
                q = Optional.of(quote.charAt(0));
            } else {
                throw new Main.UsageException("--quote takes one character or 'none': '" + quote + "'");
            }
        }
        try {
            return new InputOptions(inputFormat, textColumn, labelColumn, idColumn, delim, !noHeader, q);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
    }

    Map<String, Article> articleMap() throws IOException {
        return articles == null ? Map.of() : CommentReader.readArticles(articles);
    }

    List<InputRow> readAll(List<Path> files, boolean requireLabel) throws IOException {
        InputOptions options = options();
        Map<String, Article> articleMap = articleMap();
        List<InputRow> rows = new ArrayList<>();
        for (Path f : files) {
            rows.addAll(CommentReader.read(f, options, articleMap, requireLabel));
        }
        return rows;
    }
}
