package dev.commentguard.io;

import dev.commentguard.Article;
import dev.commentguard.SharedDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Comment systems' exports: WordPress WXR (a real one), the wp_comments table and Disqus XML (our fixtures). */
class SiteExportsTest {

    @TempDir
    Path dir;

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(SiteExportsTest.class.getResource("exports/" + name).toURI());
    }

    private static SiteExports.Result read(Path file, ExportFormat format, SiteExports.Options options,
                                           Map<String, Article> articles, boolean requireLabel) throws Exception {
        return SiteExports.read(file, format, options, articles, StandardCharsets.UTF_8, requireLabel, Rejects.strict());
    }

    private static Map<String, Long> labels(List<InputRow> rows) {
        return rows.stream().collect(Collectors.groupingBy(r -> String.valueOf(r.label()), Collectors.counting()));
    }

    @Test
    void theRealWordPressExportIsReadWithEveryApprovalValueCounted() throws Exception {
        Path wxr = SharedDatasets.require(SharedDatasets.ROOT.resolve("datasets/wordpress-export/themeunittestdata.wordpress.xml"));
        assertThat(ExportFormat.detect(wxr)).isEqualTo(ExportFormat.WXR);

        SiteExports.Result train = read(wxr, ExportFormat.WXR, SiteExports.Options.DEFAULT, Map.of(), true);
        // The file holds 33 comments: 30 approved (4 of them pingbacks and trackbacks) and 3 pending.
        assertThat(train.comments()).isEqualTo(33);
        assertThat(train.summary()).endsWith("themeunittestdata.wordpress.xml: 33 comment(s) (wxr): 26 approved (1) → ok,"
                + " 3 pending (0) → not used, 4 pingback(s) and trackback(s) → skipped (--include-pingbacks reads them)");
        assertThat(labels(train.rows())).containsExactly(Map.entry("ok", 26L));

        SiteExports.Result all = read(wxr, ExportFormat.WXR, new SiteExports.Options(LabelMap.DEFAULT.with("pending=ok"), true),
                Map.of(), true);
        assertThat(all.rows()).hasSize(33);
        assertThat(all.summary()).contains("30 approved (1) → ok", "3 pending (0) → ok").doesNotContain("pingback");

        SiteExports.Result score = read(wxr, ExportFormat.WXR, SiteExports.Options.DEFAULT, Map.of(), false);
        assertThat(score.rows()).hasSize(29);
        assertThat(score.summary()).contains("26 approved (1) → scored", "3 pending (0) → scored");

        InputRow first = train.rows().get(0);
        assertThat(first.comment().id()).isEqualTo("2");
        assertThat(first.comment().text()).isEqualTo("This test post needs a comment.");
        assertThat(first.comment().author()).isEqualTo("themedemos");
        assertThat(first.comment().authorUrl()).isEqualTo("https://wpthemetestdata.wordpress.com/");
        assertThat(first.comment().site()).isEqualTo("https://wpthemetestdata.wordpress.com");
        assertThat(first.comment().permalink()).startsWith("https://wpthemetestdata.wordpress.com/");
        assertThat(first.comment().article().title()).isNotBlank();
        assertThat(first.comment().article().text()).doesNotContain("<!-- wp:", "<p>");
        assertThat(first.line()).as("the line of its <wp:comment>").isEqualTo(1611);

        Map<String, Article> posts = SiteExports.readArticles(wxr, StandardCharsets.UTF_8);
        assertThat(posts).containsKey("51");
    }

    @Test
    void wpCommentsCsvJoinsPostsAndMapsEachApprovalValue() throws Exception {
        Path csv = fixture("wp-comments.csv");
        assertThat(ExportFormat.detect(csv)).isEqualTo(ExportFormat.WP_COMMENTS);
        Path posts = fixture("wp-posts.csv");
        Map<String, Article> articles = SiteExports.readArticles(posts, StandardCharsets.UTF_8);
        assertThat(articles.get("11").title()).isEqualTo("Council approves the harbour tram line");
        assertThat(articles.get("11").text()).isEqualTo("The council voted on Tuesday to build the tram line along Harbour Road.");
        assertThat(articles.get("11").permalink()).isEqualTo("https://news.example/?p=11");

        SiteExports.Result r = read(csv, ExportFormat.WP_COMMENTS, SiteExports.Options.DEFAULT, articles, true);
        assertThat(r.summary()).endsWith("wp-comments.csv: 28 comment(s) (wp-comments): 13 approved (1) → ok, 11 spam → spam,"
                + " 2 pending (0) → not used, 1 trash → not used, 1 pingback(s) and trackback(s) → skipped (--include-pingbacks reads them)");
        assertThat(labels(r.rows())).containsOnly(Map.entry("ok", 13L), Map.entry("spam", 11L));
        InputRow last = r.rows().get(r.rows().size() - 1);
        assertThat(last.comment().text()).isEqualTo("Following up: the timetable was corrected this morning, thanks.\n"
                + "See the new one https://news.example/tram-timetable .");
        assertThat(last.comment().article().id()).isEqualTo("11");
        assertThat(last.comment().site()).isEqualTo("https://news.example/");
        assertThat(last.line()).isEqualTo(29);

        SiteExports.Result trashAsSpam = read(csv, ExportFormat.WP_COMMENTS,
                new SiteExports.Options(LabelMap.DEFAULT.with("trash=spam"), false), articles, true);
        assertThat(trashAsSpam.summary()).contains("1 trash → spam");
        assertThat(labels(trashAsSpam.rows())).containsEntry("spam", 12L);
    }

    @Test
    void wpCommentsJsonIsReadLikeTheCsv() throws Exception {
        Path json = fixture("wp-comments.json");
        assertThat(ExportFormat.detect(json)).isEqualTo(ExportFormat.WP_COMMENTS);
        SiteExports.Result r = read(json, ExportFormat.WP_COMMENTS, SiteExports.Options.DEFAULT, Map.of(), true);
        assertThat(r.rows()).hasSize(6);
        assertThat(r.rows().get(0).comment().id()).isEqualTo("101");
        assertThat(r.rows().get(0).comment().author()).isEqualTo("Mara");
        assertThat(r.summary()).contains("6 approved (1) → ok", "6 read without their post (--articles gives the posts)");
    }

    @Test
    void anythingAfterTheArrayOfAWpCommentsExportIsAnError() throws Exception {
        Path json = dir.resolve("wp-comments.json");
        java.nio.file.Files.writeString(json, java.nio.file.Files.readString(fixture("wp-comments.json")).strip()
                + "\n{\"comment_ID\": \"999\"}\n");
        assertThatThrownBy(() -> read(json, ExportFormat.WP_COMMENTS, SiteExports.Options.DEFAULT, Map.of(), true))
                .hasMessageContaining("more after the JSON array of comments");
    }

    @Test
    void disqusPostsGetTheirThreadAsArticleAndSpamAndDeletedFlags() throws Exception {
        Path xml = fixture("disqus.xml");
        assertThat(ExportFormat.detect(xml)).isEqualTo(ExportFormat.DISQUS);
        SiteExports.Result r = read(xml, ExportFormat.DISQUS, SiteExports.Options.DEFAULT, Map.of(), true);
        assertThat(r.summary()).endsWith("disqus.xml: 25 comment(s) (disqus): 13 approved → ok, 11 spam (isSpam) → spam,"
                + " 1 deleted (isDeleted) → not used");
        Map<String, InputRow> byId = r.rows().stream().collect(Collectors.toMap(x -> x.comment().id(), Function.identity()));
        InputRow spam = byId.get("8013");
        assertThat(spam.label()).isEqualTo("spam");
        assertThat(spam.comment().text()).isEqualTo("Cheap replica watches with free shipping, order today at best watches"
                + " http://cheap-watch-outlet.example");
        assertThat(spam.comment().author()).isEqualTo("Promo0");
        assertThat(spam.comment().article().title()).isEqualTo("Council approves the harbour tram line");
        assertThat(spam.comment().permalink()).isEqualTo("https://news.example/2026/11/tram-line/");
        assertThat(spam.comment().site()).isEqualTo("https://news.example/");
        InputRow note = byId.get("8025");
        assertThat(note.comment().text()).contains("monthly, not yearly — see bank.example/rates https://disq.us/url?url=");

        SiteExports.Result deletedAsSpam = read(xml, ExportFormat.DISQUS,
                new SiteExports.Options(LabelMap.DEFAULT.with("deleted=spam"), false), Map.of(), true);
        assertThat(labels(deletedAsSpam.rows())).containsEntry("spam", 12L);

        // A post whose thread is not in the export is read without its article, and counted (it went unsaid).
        Path noThread = Files.writeString(dir.resolve("no-thread.xml"), Files.readString(xml)
                .replace("<thread dsq:id=\"7002\" />", "<thread dsq:id=\"9999\" />"));
        SiteExports.Result orphans = read(noThread, ExportFormat.DISQUS, SiteExports.Options.DEFAULT, Map.of(), true);
        long expected = orphans.rows().stream().filter(x -> x.comment().article() == null).count();
        assertThat(expected).isPositive();
        assertThat(orphans.summary()).endsWith("; " + expected + " under a thread not in the export, read without their article");
    }

    @Test
    void aTruncatedExportIsAnErrorAtItsLine() throws Exception {
        List<String> lines = Files.readAllLines(fixture("disqus.xml"));
        Path cut = dir.resolve("cut.xml");
        Files.write(cut, lines.subList(0, 40));
        assertThatThrownBy(() -> read(cut, ExportFormat.DISQUS, SiteExports.Options.DEFAULT, Map.of(), true))
                .isInstanceOf(InputFormatException.class)
                .hasMessageStartingWith(cut + ":41: invalid XML: the XML ends before its elements are closed: is the file truncated?");
        Path broken = dir.resolve("broken.xml");
        Files.writeString(broken, "<?xml version=\"1.0\"?>\n<disqus xmlns:dsq=\"http://disqus.com/disqus-internals\">\n"
                + "<post dsq:id=\"1\"><message>a & b</message></post></disqus>\n");
        assertThatThrownBy(() -> read(broken, ExportFormat.DISQUS, SiteExports.Options.DEFAULT, Map.of(), true))
                .isInstanceOf(InputFormatException.class).hasMessage(broken + ":3: invalid XML: The entity name must"
                        + " immediately follow the '&' in the entity reference.");
        Path unbound = dir.resolve("unbound.xml");
        Files.writeString(unbound, "<?xml version=\"1.0\"?>\n<disqus>\n<post dsq:id=\"1\"><message>hi</message></post></disqus>\n");
        assertThatThrownBy(() -> read(unbound, ExportFormat.DISQUS, SiteExports.Options.DEFAULT, Map.of(), true))
                .hasMessage(unbound + ":3: invalid XML: the prefix 'dsq' of dsq:id on <post> is not declared (no xmlns:dsq)");
    }

    @Test
    void externalEntitiesAreNeverResolved() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP SECRET");
        Path xml = dir.resolve("xxe.xml");
        Files.writeString(xml, "<?xml version=\"1.0\"?>\n<!DOCTYPE disqus [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<disqus><post dsq:id=\"1\" xmlns:dsq=\"http://disqus.com/disqus-internals\"><message>&x;</message>"
                + "<isSpam>true</isSpam></post></disqus>\n");
        try {
            SiteExports.Result r = read(xml, ExportFormat.DISQUS, SiteExports.Options.DEFAULT, Map.of(), false);
            assertThat(r.rows()).allSatisfy(row -> assertThat(row.comment().text()).doesNotContain("TOP SECRET"));
        } catch (InputFormatException e) {
            assertThat(e.getMessage()).startsWith(xml + ":3: invalid XML").doesNotContain("TOP SECRET");
        }
    }

    @Test
    void wpCommentsNeedTheirTextAndToTrainTheirApprovalValue() throws Exception {
        Path noText = Files.writeString(dir.resolve("a.csv"), "comment_ID,comment_approved\n1,1\n");
        assertThatThrownBy(() -> read(noText, ExportFormat.WP_COMMENTS, SiteExports.Options.DEFAULT, Map.of(), false))
                .hasMessage(noText + ":1: no comment_content column; columns are [comment_ID, comment_approved]");
        Path noStatus = Files.writeString(dir.resolve("b.csv"), "comment_ID,comment_content\n1,hello\n2,\n");
        assertThatThrownBy(() -> read(noStatus, ExportFormat.WP_COMMENTS, SiteExports.Options.DEFAULT, Map.of(), true))
                .hasMessageStartingWith(noStatus + ":1: no comment_approved column, which says how each comment was moderated");
        assertThatThrownBy(() -> read(noStatus, ExportFormat.WP_COMMENTS, SiteExports.Options.DEFAULT, Map.of(), false))
                .as("an empty comment, as in CSV").hasMessage(noStatus + ":3: the comment text is empty");
        Rejects skipping = Rejects.skipping();
        SiteExports.Result r = SiteExports.read(noStatus, ExportFormat.WP_COMMENTS, SiteExports.Options.DEFAULT, Map.of(),
                StandardCharsets.UTF_8, false, skipping);
        assertThat(r.rows()).hasSize(1);
        assertThat(skipping.count()).isEqualTo(1);
    }

    @Test
    void anExportReadAsTheOtherKindIsAnErrorNotAnEmptyExport() throws Exception {
        // A Disqus file named as WordPress's read as an export of no comments, and the queue looked empty.
        assertThatThrownBy(() -> read(fixture("disqus.xml"), ExportFormat.WXR, SiteExports.Options.DEFAULT, Map.of(), false))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining("the root element is <disqus>, not <rss> (a Disqus export: --input-format disqus)");
        Path rss = Files.writeString(dir.resolve("feed.xml"), "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>\n");
        assertThatThrownBy(() -> read(rss, ExportFormat.DISQUS, SiteExports.Options.DEFAULT, Map.of(), false))
                .hasMessage(rss + ":2: the root element is <rss>, not <disqus> (a WordPress export: --input-format wxr)");
    }

    @Test
    void blankLinesBeforeTheXmlDeclarationAreReadAndLinesKeepTheirNumbers() throws Exception {
        // A theme or plug-in that prints a line break puts it before <?xml in every WordPress export.
        byte[] disqus = Files.readAllBytes(fixture("disqus.xml"));
        Path blank = dir.resolve("blank.xml");
        Files.write(blank, concat("\n\n".getBytes(StandardCharsets.UTF_8), disqus));
        assertThat(ExportFormat.detect(blank)).isEqualTo(ExportFormat.DISQUS);
        SiteExports.Result before = read(fixture("disqus.xml"), ExportFormat.DISQUS, SiteExports.Options.DEFAULT, Map.of(), false);
        SiteExports.Result after = read(blank, ExportFormat.DISQUS, SiteExports.Options.DEFAULT, Map.of(), false);
        assertThat(after.rows()).hasSameSizeAs(before.rows());
        assertThat(after.rows().get(0).line()).isEqualTo(before.rows().get(0).line() + 2);
        Path cut = dir.resolve("cut.xml");
        Files.write(cut, concat("\n\n".getBytes(StandardCharsets.UTF_8), java.util.Arrays.copyOf(disqus, 600)));
        assertThatThrownBy(() -> read(cut, ExportFormat.DISQUS, SiteExports.Options.DEFAULT, Map.of(), true))
                .hasMessageContaining("is the file truncated?");
    }

    @Test
    void theEncodingOfTheDeclarationIsUsedNotOneWrittenFurtherOn() throws Exception {
        Path file = Files.writeString(dir.resolve("declared.xml"), "\n<?xml version=\"1.0\"?>\n"
                + "<!-- saved once as encoding=\"ISO-8859-1\" -->\n<disqus xmlns:dsq=\"http://disqus.com/disqus-internals\">"
                + "<post dsq:id=\"1\"><message>Café crème</message><isSpam>false</isSpam><isDeleted>false</isDeleted></post></disqus>\n");
        SiteExports.Result r = read(file, ExportFormat.DISQUS, SiteExports.Options.DEFAULT, Map.of(), false);
        assertThat(r.rows()).singleElement().satisfies(row -> assertThat(row.comment().text()).isEqualTo("Café crème"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void anEmptyJsonListFromWpCliIsAnExportOfNoComments() throws Exception {
        // wp comment list --status=spam --format=json on a day without spam
        Path none = Files.writeString(dir.resolve("spam.json"), "[]\n");
        assertThat(ExportFormat.detect(none)).isEqualTo(ExportFormat.WP_COMMENTS);
        SiteExports.Result r = read(none, ExportFormat.WP_COMMENTS, SiteExports.Options.DEFAULT, Map.of(), true);
        assertThat(r.rows()).isEmpty();
        assertThat(r.summary()).isEqualTo(none + ": 0 comment(s) (wp-comments): none read");
    }

    @Test
    void aUtf16ExportIsRecognisedByItsByteOrderMark() throws Exception {
        // PowerShell's "wp comment list ... > spam.csv" writes UTF-16LE with a BOM: it read as our own CSV.
        String csv = Files.readString(fixture("wp-comments.csv"));
        Path utf16 = dir.resolve("ps.csv");
        Files.write(utf16, concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, csv.getBytes(StandardCharsets.UTF_16LE)));
        assertThat(ExportFormat.detect(utf16)).isEqualTo(ExportFormat.WP_COMMENTS);
        byte[] xml = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, Files.readString(fixture("disqus.xml"))
                .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"").getBytes(StandardCharsets.UTF_16LE));
        assertThat(ExportFormat.detect(new java.io.BufferedInputStream(new java.io.ByteArrayInputStream(xml))))
                .as("on standard input too").isEqualTo(ExportFormat.DISQUS);
    }

    @Test
    void ourOwnCsvIsNoExport() throws Exception {
        Path csv = Files.writeString(dir.resolve("c.csv"), "comment_id,text,label\n1,hello there,ok\n");
        assertThat(ExportFormat.detect(csv)).isNull();
        assertThat(ExportFormat.detect(Files.writeString(dir.resolve("c.jsonl"), "{\"text\":\"x\"}\n"))).isNull();
    }
}
