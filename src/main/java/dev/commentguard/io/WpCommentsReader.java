package dev.commentguard.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commentguard.Article;
import dev.commentguard.Comment;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads WordPress's {@code wp_comments} table as {@code wp comment list --format=csv} or {@code --format=json} writes
 * it (or a database dump with the same column names: {@code comment_ID}, {@code comment_post_ID},
 * {@code comment_author}, {@code comment_author_email}, {@code comment_author_url}, {@code comment_content},
 * {@code comment_approved}, {@code comment_type}), the posts joined by {@code comment_post_ID}; and the posts of
 * {@code wp post list --format=csv} ({@code ID}, {@code post_title}, {@code post_content}, {@code guid} or
 * {@code url}) as articles.
 */
final class WpCommentsReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WpCommentsReader() {
    }

    static List<ExportedComment> read(InputStream in, String name, Charset encoding, Map<String, Article> posts,
                                      boolean requireStatus) throws IOException {
        BufferedReader reader = new BufferedReader(new DecodingReader(in, encoding, name));
        reader.mark(1 << 16);
        int first;
        do {
            first = reader.read();
        } while (first >= 0 && Character.isWhitespace(first));
        reader.reset();
        List<ExportedComment> comments = new ArrayList<>();
        if (first == '[' || first == '{') {
            readJson(reader, name, posts, requireStatus, comments);
        } else {
            readCsv(reader, name, posts, requireStatus, comments);
        }
        return comments;
    }

    private static void readCsv(Reader reader, String name, Map<String, Article> posts, boolean requireStatus,
                                List<ExportedComment> comments) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        try (CSVParser parser = format.parse(reader)) {
            Map<String, String> columns = new LinkedHashMap<>();
            for (String h : parser.getHeaderNames()) {
                columns.put(h.strip().toLowerCase(Locale.ROOT), h);
            }
            require(columns.keySet(), requireStatus, name, parser.getHeaderNames());
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord r;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    r = it.next();
                } catch (UncheckedIOException e) {
                    throw e.getCause() instanceof InputFormatException own ? own
                            : new InputFormatException(name, line, String.valueOf(e.getCause().getMessage()), e.getCause());
                }
                if (r.size() == 1 && r.get(0).isEmpty()) {
                    continue;
                }
                if (!r.isConsistent()) {
                    throw new InputFormatException(name, line, "expected " + columns.size() + " fields as in the header, found " + r.size());
                }
                Map<String, String> row = new LinkedHashMap<>();
                columns.forEach((lower, header) -> row.put(lower, r.get(header)));
                comments.add(comment(row, line, posts));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(name, 1, "bad header: " + e.getMessage());
        }
    }

    private static void readJson(Reader reader, String name, Map<String, Article> posts, boolean requireStatus,
                                 List<ExportedComment> comments) throws IOException {
        try (JsonParser parser = JSON.createParser(reader)) {
            JsonToken token = parser.nextToken();
            boolean array = token == JsonToken.START_ARRAY;
            if (array) {
                token = parser.nextToken();
            }
            boolean checked = false;
            while (token != null && token != JsonToken.END_ARRAY) {
                long line = parser.currentTokenLocation().getLineNr();
                if (token != JsonToken.START_OBJECT) {
                    throw new InputFormatException(name, line, "expected a JSON object for each comment");
                }
                JsonNode node = parser.readValueAsTree();
                Map<String, String> row = new LinkedHashMap<>();
                node.fields().forEachRemaining(e -> row.put(e.getKey().strip().toLowerCase(Locale.ROOT),
                        e.getValue().isNull() ? "" : e.getValue().asText()));
                if (!checked) {
                    require(row.keySet(), requireStatus, name + ":" + line, List.copyOf(row.keySet()));
                    checked = true;
                }
                comments.add(comment(row, line, posts));
                token = parser.nextToken();
            }
            if (array && token == JsonToken.END_ARRAY && parser.nextToken() != null) {
                throw new InputFormatException(name, parser.currentTokenLocation().getLineNr(),
                        "more after the JSON array of comments");
            }
        } catch (InputFormatException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new InputFormatException(name, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "invalid JSON: " + e.getOriginalMessage());
        }
    }

    private static void require(java.util.Set<String> columns, boolean requireStatus, String where, List<String> header)
            throws InputFormatException {
        if (!columns.contains("comment_content")) {
            throw new InputFormatException(where, where.contains(":") ? 0 : 1,
                    "no comment_content column; columns are " + Columns.shown(header));
        }
        if (requireStatus && !columns.contains("comment_approved")) {
            throw new InputFormatException(where, where.contains(":") ? 0 : 1, "no comment_approved column, which says how each "
                    + "comment was moderated (add it: wp comment list --fields=comment_ID,comment_content,comment_approved,...);"
                    + " a file of your own labels is read as one with --input-format csv");
        }
    }

    private static ExportedComment comment(Map<String, String> row, long line, Map<String, Article> posts) {
        String value = row.getOrDefault("comment_approved", "").strip();
        Article article = posts.get(row.getOrDefault("comment_post_id", "").strip());
        Comment c = new Comment(row.getOrDefault("comment_id", "").strip(), HtmlText.toText(row.getOrDefault("comment_content", "")),
                row.getOrDefault("comment_author", "").strip(), row.getOrDefault("comment_author_url", "").strip(),
                row.getOrDefault("comment_author_email", "").strip(), article,
                article == null ? "" : article.site(), article == null ? "" : article.permalink());
        return new ExportedComment(line, c, row.containsKey("comment_approved") ? ModerationStatus.ofWordPress(value)
                : ModerationStatus.UNKNOWN, value, WxrReader.isPing(row.getOrDefault("comment_type", "")));
    }

    /** The posts of {@code wp post list --format=csv}: {@code ID}, {@code post_title}, and if present {@code post_content}, {@code guid} or {@code url}. */
    static Map<String, Article> readPosts(Reader reader, String name) throws IOException {
        Map<String, Article> posts = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        try (CSVParser parser = format.parse(reader)) {
            Map<String, String> columns = new LinkedHashMap<>();
            for (String h : parser.getHeaderNames()) {
                columns.put(h.strip().toLowerCase(Locale.ROOT), h);
            }
            for (CSVRecord r : parser) {
                if (r.size() == 1 && r.get(0).isEmpty()) {
                    continue;
                }
                String id = get(r, columns, "id");
                String link = !get(r, columns, "url").isEmpty() ? get(r, columns, "url") : get(r, columns, "guid");
                posts.put(id, new Article(id, get(r, columns, "post_title"), HtmlText.toText(get(r, columns, "post_content")),
                        DisqusReader.origin(link), link));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InputFormatException(name, 0, "cannot read the posts: " + e.getMessage());
        }
        return posts;
    }

    private static String get(CSVRecord r, Map<String, String> columns, String column) {
        String header = columns.get(column);
        return header == null || !r.isMapped(header) || !r.isSet(header) ? "" : r.get(header).strip();
    }

    /** Whether a CSV header is {@code wp post list}'s: an {@code ID} and a {@code post_title} column. */
    static boolean isPostList(String headerLine) {
        String lower = headerLine.toLowerCase(Locale.ROOT);
        return lower.contains("post_title") && java.util.Arrays.stream(lower.split(",")).anyMatch(c -> c.strip().replace("\"", "").equals("id"));
    }
}
