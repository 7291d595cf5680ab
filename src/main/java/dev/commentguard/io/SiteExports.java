package dev.commentguard.io;

import dev.commentguard.Article;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what comment systems export (WordPress WXR, the {@code wp_comments} table, Disqus XML) as rows of comments,
 * each labelled by what its moderators did with it through a {@link LabelMap}, and says how every comment was used.
 * Stateless: thread-safe.
 */
public final class SiteExports {

    /**
     * How to turn an export's comments into rows.
     *
     * @param labels           the label of each moderation status, or none
     * @param includePingbacks whether pingbacks and trackbacks (notices of links from other sites, not readers'
     *                         comments) are read; by default they are skipped
     */
    public record Options(LabelMap labels, boolean includePingbacks) {
        public static final Options DEFAULT = new Options(LabelMap.DEFAULT, false);

        public Options {
            java.util.Objects.requireNonNull(labels, "labels");
        }
    }

    /**
     * The rows read, and the summary line that says how each comment was used.
     *
     * @param comments how many comments the file holds
     */
    public record Result(List<InputRow> rows, int comments, String summary) {
    }

    private SiteExports() {
    }

    /**
     * A comment's text as an export reads it: HTML made text, white space tidied. A moderator's decision sent raw (an
     * Akismet submit-spam) and the same comment in an export compare equal by it.
     */
    public static String asRead(String text) {
        return HtmlText.toText(text).strip();
    }

    /**
     * Reads an export.
     *
     * @param articles     posts by id, for {@code wp_comments} (from {@code --articles}); the XML exports carry their own
     * @param requireLabel true to train or evaluate: comments whose status maps to no label are left out and counted;
     *                     false to score: every comment is read, its label (if any) kept
     */
    public static Result read(Path file, ExportFormat format, Options options, Map<String, Article> articles,
                              Charset encoding, boolean requireLabel, Rejects rejects) throws IOException {
        try (InputStream in = FileProblems.open(file)) {
            return read(in, file.toString(), format, options, articles, encoding, requireLabel, rejects);
        }
    }

    /** As {@link #read(Path, ExportFormat, Options, Map, Charset, boolean, Rejects)}, from a stream named {@code name}. */
    public static Result read(InputStream in, String name, ExportFormat format, Options options, Map<String, Article> articles,
                              Charset encoding, boolean requireLabel, Rejects rejects) throws IOException {
        List<ExportedComment> comments = switch (format) {
            case WXR -> WxrReader.read(in, name).comments();
            case DISQUS -> DisqusReader.read(in, name);
            case WP_COMMENTS -> WpCommentsReader.read(in, name, encoding, articles, requireLabel);
        };
        List<InputRow> rows = new ArrayList<>(comments.size());
        Map<String, Integer> counts = new LinkedHashMap<>();
        int pings = 0;
        int noArticle = 0;
        for (ExportedComment c : comments) {
            if (c.ping() && !options.includePingbacks()) {
                pings++;
                continue;
            }
            Optional<String> label = options.labels().label(c.status());
            String outcome = !requireLabel ? "→ scored" : label.map(l -> "→ " + l).orElse("→ not used");
            counts.merge(describe(format, c) + " " + outcome, 1, Integer::sum);
            if (requireLabel && label.isEmpty()) {
                continue;
            }
            if (format != ExportFormat.WXR && c.comment().article() == null) { // a WXR comment sits inside its post
                noArticle++;
            }
            try {
                rows.add(new InputRow(name, c.line(), CommentRows.checkedText(c.comment(), name, c.line()),
                        label.orElse(null)));
            } catch (InputFormatException e) {
                rejects.reject(e, c.comment().text());
            }
        }
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT, "%s: %,d comment(s) (%s): ", name,
                comments.size(), format.option()));
        List<String> parts = new ArrayList<>();
        counts.forEach((what, n) -> parts.add(String.format(Locale.ROOT, "%,d %s", n, what)));
        if (pings > 0) {
            parts.add(String.format(Locale.ROOT, "%,d pingback(s) and trackback(s) → skipped (--include-pingbacks reads them)", pings));
        }
        summary.append(parts.isEmpty() ? "none read" : String.join(", ", parts));
        if (noArticle > 0 && format == ExportFormat.DISQUS) {
            summary.append(String.format(Locale.ROOT, "; %,d under a thread not in the export, read without their article",
                    noArticle));
        } else if (noArticle > 0) {
            summary.append(articles.isEmpty()
                    ? String.format(Locale.ROOT, "; %,d read without their post (--articles gives the posts)", noArticle)
                    : String.format(Locale.ROOT, "; %,d under a post not in --articles, read without their article", noArticle));
        }
        return new Result(rows, comments.size(), summary.toString());
    }

    /** "approved (1)", "pending (0)", "spam", "trash", "an empty approval value", "deleted (isDeleted)". */
    private static String describe(ExportFormat format, ExportedComment c) {
        String key = c.status().key();
        if (format == ExportFormat.DISQUS) {
            return c.value().isEmpty() ? key : key + " (" + c.value() + ")";
        }
        if (c.value().isEmpty()) {
            return "with an empty approval value";
        }
        if (c.status() == ModerationStatus.UNKNOWN) {
            return "with approval value '" + c.value() + "'";
        }
        return c.value().equalsIgnoreCase(key) ? key : key + " (" + c.value() + ")";
    }

    /**
     * Reads an articles file: a WXR file's posts, {@code wp post list --format=csv} output ({@code ID},
     * {@code post_title}, ...), or our own {@code id,title,text} CSV or JSON Lines.
     */
    public static Map<String, Article> readArticles(Path file, Charset encoding) throws IOException {
        if (ExportFormat.detect(file) == ExportFormat.WXR) {
            try (InputStream in = FileProblems.open(file)) {
                return WxrReader.read(in, file.toString()).articles();
            }
        }
        String header;
        try (BufferedReader r = new BufferedReader(new DecodingReader(FileProblems.open(file), encoding, file.toString()))) {
            header = r.readLine();
        }
        if (header != null && WpCommentsReader.isPostList(header)) {
            try (InputStream in = FileProblems.open(file)) {
                return WpCommentsReader.readPosts(new DecodingReader(in, encoding, file.toString()), file.toString());
            }
        }
        return CommentReader.readArticles(file, encoding);
    }
}
