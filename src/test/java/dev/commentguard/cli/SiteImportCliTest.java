package dev.commentguard.cli;

import dev.commentguard.SharedDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.commentguard.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** train, evaluate and score on comment systems' exports, and the feedback commands, through the real command line. */
class SiteImportCliTest {

    @TempDir
    Path dir;

    private static String fixture(String name) throws URISyntaxException {
        return Path.of(SiteImportCliTest.class.getResource("/dev/commentguard/io/exports/" + name).toURI()).toString();
    }

    @Test
    void trainsOnDisqusAndWpCommentsExportsSayingHowEachCommentWasUsed() throws Exception {
        Path model = dir.resolve("site.model");
        CliTest.Run r = run("train", "--data", fixture("disqus.xml"), "--data", fixture("wp-comments.csv"),
                "--articles", fixture("wp-posts.csv"), "--label-map", "trash=spam", "--out", model.toString(), "--folds", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("disqus.xml: 25 comment(s) (disqus): 13 approved → ok, 11 spam (isSpam) → spam,"
                + " 1 deleted (isDeleted) → not used", "wp-comments.csv: 28 comment(s) (wp-comments): 13 approved (1) → ok,"
                + " 11 spam → spam, 2 pending (0) → not used, 1 trash → spam, 1 pingback(s) and trackback(s) → skipped",
                "Training on 49 comments from 2 file(s)");
        assertThat(model).isRegularFile();

        CliTest.Run evaluated = run("evaluate", "--model", model.toString(), "--data", fixture("disqus.xml"));
        assertThat(evaluated.exit()).as(evaluated.err()).isZero();
        assertThat(evaluated.out()).contains("Evaluated on 24 comments");

        CliTest.Run scored = run("score", "--model", model.toString(), "--input", fixture("wp-comments.csv"),
                "--input-format", "wp-comments", "--format", "csv");
        assertThat(scored.exit()).as(scored.err()).isZero();
        assertThat(scored.out().lines()).hasSize(1 + 27); // every comment but the pingback, pending ones too
        assertThat(scored.err()).contains("2 pending (0) → scored");
    }

    @Test
    void theRealWordPressExportIsReadInFull() throws Exception {
        Path wxr = SharedDatasets.require(SharedDatasets.ROOT.resolve("datasets/wordpress-export/themeunittestdata.wordpress.xml"));
        Path model = dir.resolve("wp.model");
        // WordPress leaves spam out of its exports: the spam comes from the wp_comments fixture.
        CliTest.Run r = run("train", "--data", wxr.toString(), "--data", fixture("wp-comments.csv"), "--include-pingbacks",
                "--out", model.toString(), "--folds", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains(wxr + ": 33 comment(s) (wxr): 30 approved (1) → ok, 3 pending (0) → not used",
                "Training on 55 comments from 2 file(s)");
    }

    /** A real site's moderation history (HTML, BBCode, Cyrillic, line breaks) through the store and back, unchanged. */
    @Test
    void aRealModerationHistoryComesBackFromTheStoreAsItWent() throws Exception {
        Path podcast = SharedDatasets.require(SharedDatasets.podcast());
        List<dev.commentguard.io.InputRow> rows = dev.commentguard.io.CommentReader.read(podcast,
                dev.commentguard.io.InputOptions.DEFAULT, java.util.Map.of(), true);
        Path data = dir.resolve("data");
        try (dev.commentguard.feedback.FeedbackStore store = dev.commentguard.feedback.FeedbackStore.open(data)) {
            for (dev.commentguard.io.InputRow r : rows) {
                store.record(new dev.commentguard.feedback.Decision(r.comment(), r.label().equals("1") ? "spam" : "ok",
                        "owner", java.time.Instant.now()));
            }
            assertThat(store.count()).isEqualTo(rows.size());
        }
        Path csv = dir.resolve("history.csv");
        assertThat(run("feedback", "export", "--data-dir", data.toString(), "--out", csv.toString()).exit()).isZero();
        List<dev.commentguard.io.InputRow> back = dev.commentguard.io.CommentReader.read(csv,
                dev.commentguard.io.InputOptions.DEFAULT, java.util.Map.of(), true);
        assertThat(back).extracting(r -> r.comment().text() + "|" + r.label()).containsExactlyInAnyOrderElementsOf(
                rows.stream().map(r -> r.comment().text() + "|" + (r.label().equals("1") ? "spam" : "ok")).toList());
    }

    @Test
    void aTruncatedExportStopsTrainingAtItsLineWithNoModel() throws Exception {
        List<String> lines = Files.readAllLines(Path.of(fixture("disqus.xml")));
        Path cut = dir.resolve("cut.xml");
        Files.write(cut, lines.subList(0, lines.size() / 2));
        Path model = dir.resolve("none.model");
        CliTest.Run r = run("train", "--data", cut.toString(), "--out", model.toString());
        assertThat(r.exit()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err()).startsWith("error: " + cut + ":" + (lines.size() / 2 + 1)
                + ": invalid XML: the XML ends before its elements are closed: is the file truncated?");
        assertThat(model).doesNotExist();
        assertThat(dir.toFile().list()).containsExactly("cut.xml");
    }

    @Test
    void aBadLabelMapIsBadUsage() throws Exception {
        CliTest.Run r = run("train", "--data", fixture("disqus.xml"), "--label-map", "binned=spam", "--out", dir.resolve("m").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --label-map takes STATUS=LABEL pairs");
    }

    @Test
    void twoSitesExportsNumberTheirCommentsEachFromOneAndTrainTogether() throws Exception {
        // Every WordPress site numbers its comments from 1: the same id in two exports is two comments, not an error.
        String disqus = Files.readString(Path.of(fixture("disqus.xml")));
        Path other = Files.writeString(dir.resolve("other-site.xml"), disqus.replace("<p>", "<p>On the other site: "));
        CliTest.Run r = run("train", "--data", fixture("disqus.xml"), "--data", other.toString(), "--data",
                fixture("wp-comments.csv"), "--articles", fixture("wp-posts.csv"), "--out", dir.resolve("two.model").toString(),
                "--folds", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("Training on 72 comments from 3 file(s)"); // 24 + 24 + 24

        CliTest.Run grouped = run("evaluate", "--data", fixture("disqus.xml"), "--group-column", "site");
        assertThat(grouped.exit()).as("it printed no table, silently").isEqualTo(2);
        assertThat(grouped.err()).contains("--group-column site names a column of a CSV or JSON Lines file;",
                "is a disqus export, which has no columns");
    }

    @Test
    void aSetLabelledZeroAndOneIsEvaluatedWithTheDefaultModelBySpamLabel() throws Exception {
        Path csv = Files.writeString(dir.resolve("two-labels.csv"), "CONTENT,CLASS\n"
                + "\"Call 0300-1234567 for free classified ads, cheap cars and plots\",1\n"
                + "\"I disagree with the minister: the figures in the third paragraph do not add up.\",0\n");
        CliTest.Run refused = run("evaluate", "--data", csv.toString(), "--text-column", "CONTENT", "--label-column", "CLASS");
        assertThat(refused.exit()).isEqualTo(Main.EXIT_INPUT);
        assertThat(refused.err()).contains("label '1' is not one of the model's labels");
        CliTest.Run r = run("evaluate", "--data", csv.toString(), "--text-column", "CONTENT", "--label-column", "CLASS",
                "--spam-label", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        CliTest.Run wrong = run("evaluate", "--data", csv.toString(), "--text-column", "CONTENT", "--label-column", "CLASS",
                "--spam-label", "spam");
        assertThat(wrong.exit()).as("every row read as genuine, exit 0, before").isEqualTo(2);
        assertThat(wrong.err()).contains("--spam-label spam reads a set of two labels, one of them spam; the data's labels are [0, 1]");
        assertThat(r.out()).contains("Evaluated on 2 comments from 1 file(s) (label 1 read as spam, every other as ok)",
                "genuine blocked                   0.00%  (0 of 1 genuine comments)", "(1 of 1 spam comments)");
    }

    @Test
    void aDecisionReplacesTheExportsRowOnTheSameCommentAndNoOther() throws Exception {
        Path store = dir.resolve("akismet");
        // As an Akismet submit-ham sends it: the raw HTML, no id; the export reads the same comment as text.
        assertThat(run("feedback", "--data-dir", store.toString(), "--by", "akismet", "--decision", "ok", "--author", "promo0",
                "Cheap replica watches with free shipping, order today at <a href=\"http://cheap-watch-outlet.example\">best"
                        + " watches</a>").exit()).isZero();
        // Comment 101's id with another comment's text: another site's comment 101, not this one.
        assertThat(run("feedback", "--data-dir", store.toString(), "--by", "alice", "--decision", "spam", "--id", "101",
                "A comment on another site that happens to have the id 101").exit()).isZero();
        // A comment quoting HTML: the export reads "&lt;b&gt;" as "<b>"; the decision, sent raw, is read the same once.
        Path quoting = Files.writeString(dir.resolve("quoting.csv"), Files.readString(Path.of(fixture("wp-comments.csv")))
                + "201,12,Lena,lena@mail.example,,192.0.2.201,2026-11-22 10:00:00,Use &lt;b&gt;bold&lt;/b&gt; for the title,1,comment\n");
        assertThat(run("feedback", "--data-dir", store.toString(), "--by", "bob", "--decision", "spam", "--id", "201",
                "Use &lt;b&gt;bold&lt;/b&gt; for the title").exit()).isZero();
        CliTest.Run r = run("train", "--data", quoting.toString(), "--feedback", store.toString(), "--out",
                dir.resolve("replaced.model").toString(), "--folds", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("; 2 row(s) of --data replaced by a decision on the same comment",
                "Training on 26 comments"); // 25 of the export, less the two replaced, and the three decisions
    }

    @Test
    void anExportOfOnlyPendingCommentsHasNothingToTrainOn() throws Exception {
        Path pending = Files.writeString(dir.resolve("pending.csv"), "comment_ID,comment_post_ID,comment_content,comment_approved\n"
                + "1,1,first pending comment,0\n2,1,second pending comment,0\n");
        CliTest.Run r = run("train", "--data", pending.toString(), "--out", dir.resolve("p.model").toString());
        assertThat(r.exit()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err()).contains("2 pending (0) → not used", "error: no comments to train on")
                .doesNotContain("Training on 0 comments");
        assertThat(dir.resolve("p.model")).doesNotExist();
    }

    @Test
    void aFewLowQualityDecisionsAreTrainedAsOkRatherThanStopTraining() throws Exception {
        Path data = dir.resolve("fq");
        for (int i = 0; i < 10; i++) {
            run("feedback", "--data-dir", data.toString(), "--by", "a", "--decision", "spam", "--id", "s" + i,
                    "Cheap replica watch number " + i + " at http://watch" + i + ".example");
            run("feedback", "--data-dir", data.toString(), "--by", "a", "--decision", "ok", "--id", "o" + i,
                    "The tram stop " + i + " is too far from the school");
        }
        run("feedback", "--data-dir", data.toString(), "--by", "a", "--decision", "low_quality", "--id", "l1", "nice");
        // One low_quality decision made a label of one example, which stopped training, and no option could leave it out.
        CliTest.Run r = run("train", "--feedback", data.toString(), "--out", dir.resolve("fq.model").toString(), "--folds", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("1 low_quality decision(s) of the feedback store trained as ok: 1 in all, fewer than the 10",
                "warning: the thresholds come from 11 genuine comment(s): 0.5% of them is less than one"); // a small site
        assertThat(dev.commentguard.model.ModelFile.readManifest(dir.resolve("fq.model")).labels()).containsExactly("ok", "spam");
    }

    @Test
    void decisionsRecordedAreExportedAndTrainedOn() throws Exception {
        Path data = dir.resolve("data");
        for (int i = 0; i < 12; i++) {
            assertThat(run("feedback", "--data-dir", data.toString(), "--by", "alice", "--decision", "spam", "--id", "s" + i,
                    "Cheap replica watch number " + i + " at http://watch" + i + ".example").exit()).isZero();
            assertThat(run("feedback", "--data-dir", data.toString(), "--by", "bob", "--decision", "ok", "--id", "o" + i,
                    "--article-title", "Tram line", "The tram stop " + i + " is too far from the school").out())
                    .isEqualTo("recorded\to" + i + "\tok\n");
        }
        // A second decision on s0 replaces the first.
        assertThat(run("feedback", "--data-dir", data.toString(), "--by", "carol", "--decision", "ok", "--id", "s0",
                "Cheap replica watch number 0 at http://watch0.example").exit()).isZero();

        Path csv = dir.resolve("decisions.csv");
        Path typo = dir.resolve("no-such-store");
        CliTest.Run none = run("feedback", "export", "--data-dir", typo.toString(), "--out", csv.toString());
        assertThat(none.exit()).isEqualTo(Main.EXIT_INPUT);
        assertThat(none.err()).contains("no feedback store here");
        assertThat(csv).as("no empty export").doesNotExist();
        assertThat(typo.resolve("feedback.db")).as("no empty store made").doesNotExist();
        CliTest.Run exported = run("feedback", "export", "--data-dir", data.toString(), "--out", csv.toString());
        assertThat(exported.exit()).as(exported.err()).isZero();
        assertThat(exported.err()).contains("24 decision(s) written to " + csv);
        assertThat(Files.readAllLines(csv).get(0)).isEqualTo("id,text,label,author,author_url,author_email,site,permalink,"
                + "article_id,article_title,article_text,decided_by,decided_at");
        CliTest.Run fromCsv = run("train", "--data", csv.toString(), "--out", dir.resolve("csv.model").toString(), "--folds", "2");
        assertThat(fromCsv.exit()).as(fromCsv.err()).isZero();
        assertThat(fromCsv.err()).contains("Training on 24 comments");

        CliTest.Run fromStore = run("train", "--feedback", data.toString(), "--out", dir.resolve("fb.model").toString(), "--folds", "2");
        assertThat(fromStore.exit()).as(fromStore.err()).isZero();
        assertThat(fromStore.err()).contains("feedback.db: 24 decision(s) {ok=13, spam=11}, the last at ", "Training on 24 comments");
        assertThat(dev.commentguard.model.ModelFile.readManifest(dir.resolve("fb.model")).trainingFiles())
                .singleElement().asString().startsWith("feedback.db (feedback store: 24 decisions, 13 ok, 11 spam, last ");

        // The store's decisions on the comments of --data replace their rows: the same comments are not trained twice.
        CliTest.Run both = run("train", "--data", csv.toString(), "--feedback", data.toString(), "--out",
                dir.resolve("both.model").toString(), "--folds", "2");
        assertThat(both.exit()).as(both.err()).isZero();
        assertThat(both.err()).contains("24 row(s) of --data replaced by a decision on the same comment", "Training on 24 comments");

        assertThat(run("train", "--out", dir.resolve("x.model").toString()).exit()).isEqualTo(2);
        CliTest.Run noStore = run("train", "--feedback", dir.resolve("empty").toString(), "--out", dir.resolve("x.model").toString());
        assertThat(noStore.exit()).isEqualTo(Main.EXIT_INPUT);
        assertThat(noStore.err()).contains("no feedback store here");
        assertThat(run("feedback", "--data-dir", data.toString(), "--decision", "spam", "text").exit()).as("no --by").isEqualTo(2);
        assertThat(run("feedback", "--data-dir", data.toString(), "--by", "a", "--decision", "maybe", "text").err())
                .startsWith("error: a decision is spam, ok or low_quality, not 'maybe'");
    }
}
