package dev.commentguard.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.commentguard.Article;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads an articles file, {@code id,title,text} and optionally {@code site} and {@code permalink}, as CSV or JSON
 * Lines by its name. Unlike comments, a bad article is never skipped: every comment joined to it would be scored
 * without its context, so the first problem stops the read. Stateless: thread-safe.
 */
final class ArticleReader {

    private ArticleReader() {
    }

    /**
     * Adds the articles of {@code in} to {@code articles} by id. CSV parser errors arrive as an
     * {@link java.io.UncheckedIOException} around an {@link InputFormatException}, for the caller to unwrap.
     */
    static void read(Reader in, Path file, Map<String, Article> articles) throws IOException {
        String name = file.toString();
        if (CommentReader.isJsonLines(file.getFileName().toString(), InputOptions.DEFAULT)) {
            BufferedReader reader = new BufferedReader(in);
            String line;
            long n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JsonLinesCommentReader.parseObject(line, name, n);
                add(articles, name, n, new Article(text(node, "id"), text(node, "title"), text(node, "text"),
                        text(node, "site"), text(node, "permalink")));
            }
        } else {
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(CommentReader.defaultDelimiter(file, InputOptions.DEFAULT))
                    .setHeader().setSkipHeaderRecord(true).build();
            try (CSVParser parser = CsvRecords.parse(in, format, name)) {
                List<String> columns = parser.getHeaderNames();
                String id = require(columns, "id", name);
                String title = require(columns, "title", name);
                String text = require(columns, "text", name);
                String site = columns.contains("site") ? "site" : null;
                String permalink = columns.contains("permalink") ? "permalink" : null;
                for (CsvRecords.Numbered numbered : CsvRecords.records(parser, name)) {
                    CSVRecord r = numbered.record();
                    long line = numbered.line();
                    if (!r.isConsistent()) {
                        throw new InputFormatException(name, line, "expected " + columns.size() + " fields, found " + r.size());
                    }
                    add(articles, name, line, new Article(r.get(id), r.get(title), r.get(text),
                            site == null ? "" : r.get(site), permalink == null ? "" : r.get(permalink)));
                }
            }
        }
    }

    private static void add(Map<String, Article> articles, String name, long line, Article article)
            throws InputFormatException {
        String id = article.id().strip();
        if (id.isEmpty()) {
            throw new InputFormatException(name, line, "article without an id");
        }
        if (articles.put(id, new Article(id, article.title(), article.text(), article.site(), article.permalink())) != null) {
            throw new InputFormatException(name, line, "duplicate article id '" + id + "'");
        }
    }

    private static String require(List<String> columns, String column, String name) throws InputFormatException {
        String found = Columns.exact(columns, column);
        if (found == null) {
            throw new InputFormatException(name, 1, "no '" + column + "' column; columns are " + Columns.shown(columns));
        }
        return found;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
