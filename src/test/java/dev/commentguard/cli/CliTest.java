package dev.commentguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.commentguard.TestData;
import dev.commentguard.features.VocabularyNgrams;
import dev.commentguard.model.ModelFile;
import dev.commentguard.training.LabelledComment;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the real command line in-process with captured output. */
class CliTest {

    @TempDir
    static Path dir;
    static Path data;
    static Path model;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** Runs the command line as users do, in its own Java process (this test's class path), with these JVM options. */
    static Run process(Path workDir, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("process finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void trainOnce() throws Exception {
        data = writeTrainingCsv(dir.resolve("train.csv"), 30, 3);
        model = dir.resolve("m.model");
        Run r = run("train", "--data", data.toString(), "--out", model.toString(), "--folds", "3");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Cross-validated (3 folds) on 90 comments", "MCC", "block  threshold");
    }

    /** {@code perClass} generated comments of each of the three labels, as a training CSV. */
    static Path writeTrainingCsv(Path file, int perClass, int seed) throws IOException {
        try (Writer w = Files.newBufferedWriter(file); CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
            p.printRecord("comment_id", "content", "tag");
            int i = 0;
            for (LabelledComment c : TestData.threeClasses(perClass, seed)) {
                p.printRecord("r" + i++, c.comment().text(), c.label());
            }
        }
        return file;
    }

    /** Progressive validation on request, described as such by train and info; a mistyped choice is a usage error. */
    @Test
    void trainsWithProgressiveValidationAndSaysSo() throws Exception {
        Path progressive = dir.resolve("progressive.model");
        Run r = run("train", "--data", data.toString(), "--out", progressive.toString(), "--learner", "online",
                "--validation", "progressive");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("progressive validation");
        assertThat(r.out()).contains("Validated progressively on the second half of one pass, 45 of 90 comments");
        assertThat(run("info", progressive.toString()).out()).contains("Validated progressively");

        Run logistic = run("train", "--data", data.toString(), "--out", dir.resolve("no.model").toString(),
                "--validation", "progressive");
        assertThat(logistic.exit()).isEqualTo(2);
        assertThat(logistic.err()).contains("progressive validation needs --learner online");
        assertThat(dir.resolve("no.model")).doesNotExist();
        Run typo = run("train", "--data", data.toString(), "--out", dir.resolve("no.model").toString(),
                "--validation", "progresive");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("choose auto, folds or progressive");
    }

    /** {@code train --stream}: the data held on disk, not in memory, and its temporary files gone afterwards, whatever happens. */
    @Test
    void trainsFromDiskLeavingNothingBehind() throws Exception {
        Path temp = Files.createDirectories(dir.resolve("spill"));
        Path streamed = dir.resolve("streamed.model");
        Run r = run("train", "--data", data.toString(), "--out", streamed.toString(), "--stream", "--temp-dir", temp.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("Training on 90 comments from 1 file(s) with online, from disk");
        assertThat(r.out()).contains("Validated progressively on the last half of the first pass, 45 of 90 comments");
        assertThat(run("info", streamed.toString()).out()).contains("Validated progressively");
        assertThat(run("score", "--model", streamed.toString(), "--input", data.toString(), "--format", "jsonl").out().lines())
                .hasSize(90);
        assertThat(temp).isEmptyDirectory();

        Path reused = dir.resolve("reused-stream.csv");
        Files.writeString(reused, Files.readString(data) + "r3,another text entirely,ok\n");
        Path no = dir.resolve("no.model");
        Run dup = run("train", "--data", reused.toString(), "--out", no.toString(), "--stream", "--temp-dir", temp.toString());
        assertThat(dup.exit()).isEqualTo(Main.EXIT_INPUT);
        assertThat(dup.err()).endsWith("\nerror: " + reused + ":92: duplicate id 'r3' (first at " + reused + ":5)\n");
        assertThat(no).doesNotExist();
        assertThat(temp).isEmptyDirectory();

        for (List<String> other : List.of(List.of("--learner", "logistic"), List.of("--validation", "folds"),
                List.of("--with-corpus"), List.of("--group-column", "kind"), List.of("--hash-bits", "0"),
                List.of("--corpus-weight", "2"))) {
            List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--out", no.toString(), "--stream"));
            args.addAll(other);
            Run refused = run(args.toArray(String[]::new));
            assertThat(refused.exit()).as(other.toString()).isEqualTo(2);
            assertThat(refused.err()).as(other.toString()).contains(other.get(0));
            assertThat(no).doesNotExist();
        }
        Run tempAlone = run("train", "--data", data.toString(), "--out", no.toString(), "--temp-dir", temp.toString());
        assertThat(tempAlone.exit()).isEqualTo(2);
        assertThat(tempAlone.err()).contains("--temp-dir is where --stream puts its files");
        Run unwritable = run("train", "--data", data.toString(), "--out", data.resolve("x.model").toString(), "--stream",
                "--learner", "ONLINE", "--temp-dir", temp.toString());
        assertThat(unwritable.exit()).as("an output error, as without --stream").isEqualTo(Main.EXIT_OUTPUT);
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void moreFoldsThanALabelHasRowsSaysToUseFewerFolds() {
        Run r = run("train", "--data", data.toString(), "--folds", "40", "--out", dir.resolve("f.model").toString());
        assertThat(r.exit()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err()).contains("has only 30 examples", "at least 40 are needed per label, one for each of the 40 folds:"
                + " use fewer --folds").doesNotContain("leave its rows out");
    }

    /**
     * The moderators' decisions train from disk as in memory: added after the files' ids are checked, so that a decision
     * on a comment of the files is no duplicate, and replacing that comment's row (r1, ok in the file, spam by the
     * decision); the same rows, labels and data digest.
     */
    @Test
    void trainsFromDiskOnDecisionsAsInMemory() throws Exception {
        Path store = dir.resolve("decisions");
        String r1 = TestData.threeClasses(30, 3).get(1).comment().text(); // row r1 of the training file
        assertThat(run("feedback", "--data-dir", store.toString(), "--by", "alice", "--decision", "spam", "--id", "r1", r1)
                .exit()).isZero();
        Path fromDisk = dir.resolve("decided-disk.model");
        Path inMemory = dir.resolve("decided-memory.model");
        Run disk = run("train", "--data", data.toString(), "--feedback", store.toString(), "--out", fromDisk.toString(),
                "--stream");
        assertThat(disk.exit()).as(disk.err()).isZero();
        Run memory = run("train", "--data", data.toString(), "--feedback", store.toString(), "--out", inMemory.toString(),
                "--learner", "online", "--validation", "progressive");
        assertThat(memory.exit()).as(memory.err()).isZero();
        var a = ModelFile.load(fromDisk).manifest();
        var b = ModelFile.load(inMemory).manifest();
        assertThat(a.rowsPerClass()).isEqualTo(b.rowsPerClass()).containsEntry("spam", 31).containsEntry("ok", 29);
        assertThat(a.trainingSha256()).isEqualTo(b.trainingSha256());
        assertThat(a.trainingFiles()).isEqualTo(b.trainingFiles());
    }

    @Test
    void scoresAFileAsJsonLinesKeepingOrderAndIds() throws Exception {
        Run r = run("score", "--model", model.toString(), "--input", data.toString(), "--format", "jsonl");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(90);
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode n = json.readTree(lines.get(i));
            assertThat(n.get("id").asText()).isEqualTo("r" + i);
            assertThat(n.get("label").asText()).isIn("spam", "ok", "low_quality");
            assertThat(n.get("spam_score").asDouble()).isBetween(0.0, 1.0);
            assertThat(n.get("probabilities").size()).isEqualTo(3);
            assertThat(n.get("action").asText()).isIn("allow", "demote", "review", "block");
            assertThat(n.get("reasons").isArray()).isTrue();
        }
    }

    @Test
    void noReasonsLeavesOnlyTheReasonsOut() throws Exception {
        Run full = run("score", "--model", model.toString(), "--input", data.toString(), "--format", "jsonl");
        Run bare = run("score", "--model", model.toString(), "--input", data.toString(), "--format", "jsonl", "--no-reasons");
        assertThat(bare.exit()).as(bare.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<String> a = full.out().lines().toList();
        List<String> b = bare.out().lines().toList();
        assertThat(b).hasSameSizeAs(a);
        int explained = 0;
        for (int i = 0; i < a.size(); i++) {
            ObjectNode withReasons = (ObjectNode) json.readTree(a.get(i));
            ObjectNode without = (ObjectNode) json.readTree(b.get(i));
            explained += withReasons.get("reasons").isEmpty() ? 0 : 1;
            if (withReasons.get("action").asText().equals("review") && without.get("reasons").size() == 1) {
                // a block held for review keeps the reason that says why
                assertThat(without.get("reasons").get(0)).isEqualTo(withReasons.get("reasons").get(0));
            } else {
                assertThat(without.get("reasons")).as(b.get(i)).isEmpty();
            }
            withReasons.remove("reasons");
            without.remove("reasons");
            assertThat(without).isEqualTo(withReasons);
        }
        assertThat(explained).isPositive();
        Run both = run("score", "--model", model.toString(), "--explain", "--no-reasons", "hello");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--explain shows the reasons that --no-reasons leaves out");
    }

    @Test
    void aThresholdOutOfRangeIsNamedAsGiven() {
        Run review = run("score", "--review-threshold", "2", "hello");
        assertThat(review.exit()).isEqualTo(2);
        assertThat(review.err()).isEqualTo("error: --review-threshold must lie from 0 to 1: 2.0\n");
        Run block = run("score", "--block-threshold", "-0.5", "hello");
        assertThat(block.err()).isEqualTo("error: --block-threshold must lie from 0 to 1: -0.5\n");
        Run dash = run("score", "--output", "-", "--format", "jsonl", "hello");
        assertThat(dash.exit()).isZero();
        assertThat(dash.out()).startsWith("{\"id\":\"1\"");
        assertThat(Path.of("-")).as("no file named '-'").doesNotExist();
        assertThat(run("evaluate", "--data", data.toString(), "--report", "-").err())
                .isEqualTo("error: --report names a folder for index.html and the charts; '-' is not one\n");
        Run format = run("score", "--input-format", "xml", "--input", data.toString());
        assertThat(format.err()).contains("expected auto, csv, jsonl, wxr, wp-comments or disqus");
    }

    @Test
    void aLargeInputScoredOnSeveralThreadsGivesTheOneThreadOutput() throws Exception {
        Path big = dir.resolve("big.csv");
        List<LabelledComment> base = TestData.threeClasses(30, 5);
        try (Writer w = Files.newBufferedWriter(big); CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
            p.printRecord("id", "text");
            for (int i = 0; i < 5_000; i++) { // more than one slice of 4,096
                p.printRecord("c" + i, base.get(i % base.size()).comment().text() + " number " + (i % 700));
            }
        }
        Run one = run("score", "--model", model.toString(), "--input", big.toString(), "--format", "jsonl", "--threads", "1");
        Run two = run("score", "--model", model.toString(), "--input", big.toString(), "--format", "jsonl", "--threads", "2");
        assertThat(one.exit()).as(one.err()).isZero();
        assertThat(one.out().lines().count()).isEqualTo(5_000);
        assertThat(two.out()).isEqualTo(one.out());
        Run zero = run("score", "--model", model.toString(), "--threads", "0", "hello");
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).contains("--threads must be at least 1");
    }

    @Test
    void contactTokensKeepContactDetailsOutOfTheVocabulary() throws Exception {
        Path tokens = dir.resolve("tokens.model");
        Run r = run("train", "--data", data.toString(), "--out", tokens.toString(), "--folds", "3", "--contact-tokens",
                "--hash-bits", "0");
        assertThat(r.exit()).as(r.err()).isZero();

        // The training data's phone numbers, links and addresses, e.g. 0300-1234567 and sales@promo-mail.com.
        java.util.function.Predicate<String> contact = t -> t.contains("4567") || t.contains("promo") || t.contains("bit.l");
        assertThat(ModelFile.readManifest(tokens).features()).containsEntry("contactTokens", "true")
                .containsEntry("ngramText", "placeholders").doesNotContainKey("hashBits");
        java.util.function.Predicate<String> placeholder = t -> t.contains("xphonex");
        String[] exactTerms = ((VocabularyNgrams) ModelFile.load(tokens).pipeline().vectorizer()).terms();
        assertThat(exactTerms).noneMatch(contact).anyMatch(placeholder);
        assertThat(exactTerms).noneMatch(t -> t.contains("xlink"));
    }

    /** A site's own model takes its n-grams from the text as written; one meant for kinds of site it never saw, marked. */
    @Test
    void theNgramTextIsWrittenForASitesOwnDataAndMarkedForKindsOfSiteNeverSeen() throws Exception {
        var written = ModelFile.load(model).pipeline().vectorizer();
        assertThat(ModelFile.readManifest(model).features()).containsEntry("ngramText", "written").containsEntry("hashBits", "20");
        assertThat(written.wordFeature("bit")).isNotNegative();
        assertThat(written.wordFeature("xlinkshort")).isNegative();

        List<String> rows = Files.readAllLines(data);
        List<String> withKinds = new ArrayList<>(List.of(rows.get(0) + ",kind"));
        for (int i = 1; i < rows.size(); i++) {
            withKinds.add(rows.get(i) + "," + List.of("recipes", "software", "news").get(i % 3));
        }
        Path kinds = Files.write(dir.resolve("with-kinds.csv"), withKinds);
        Path marked = dir.resolve("marked.model");
        Run r = run("train", "--data", kinds.toString(), "--group-column", "kind", "--out", marked.toString(), "--folds", "3");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(ModelFile.readManifest(marked).features()).containsEntry("ngramText", "marked");
        // Links become tokens of their kind: the kind is learned, the address is not.
        var hashed = ModelFile.load(marked).pipeline().vectorizer();
        assertThat(hashed.wordFeature("xlinkshort")).isNotNegative();
        assertThat(hashed.wordFeature("bit")).isNegative();

        Path no = dir.resolve("no.model");
        Run clash = run("train", "--data", data.toString(), "--out", no.toString(), "--contact-tokens", "--ngram-text", "written");
        assertThat(clash.exit()).isEqualTo(2);
        assertThat(clash.err()).contains("--contact-tokens means --ngram-text placeholders");
        Run typo = run("train", "--data", data.toString(), "--out", no.toString(), "--ngram-text", "raw");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("unknown n-gram text 'raw' (expected written, marked or placeholders)");
        assertThat(no).doesNotExist();
    }

    @Test
    void trainsWithTheNgramLengthsAsked() throws Exception {
        Path small = dir.resolve("ngrams.model");
        Run r = run("train", "--data", data.toString(), "--out", small.toString(), "--folds", "3",
                "--char-ngrams", "3-4", "--word-ngrams", "1", "--hash-bits", "0");
        assertThat(r.exit()).as(r.err()).isZero();

        assertThat(ModelFile.readManifest(small).features())
                .containsEntry("charMin", "3").containsEntry("charMax", "4").containsEntry("wordMax", "1");
        var vectorizer = (VocabularyNgrams) ModelFile.load(small).pipeline().vectorizer();
        String[] terms = vectorizer.terms();
        for (int i = 0; i < terms.length; i++) {
            if (vectorizer.isWordFeature(i)) {
                assertThat(terms[i]).as("a single word").doesNotContain(" ");
            } else {
                assertThat(terms[i].length()).as(terms[i]).isBetween(3, 4);
            }
        }
        assertThat(ModelFile.readManifest(model).features()).containsEntry("charMax", "5");

        for (String[] bad : new String[][] {{"--char-ngrams", "4-3"}, {"--char-ngrams", "2 to 5"}, {"--word-ngrams", "5"}}) {
            Path none = dir.resolve("none.model");
            Run b = run("train", "--data", data.toString(), "--out", none.toString(), bad[0], bad[1]);
            assertThat(b.exit()).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(b.err()).as(String.join(" ", bad)).containsAnyOf("n-gram", "MIN-MAX");
            assertThat(none).doesNotExist();
        }
    }

    @Test
    void streamTakesOnlyStandardInputAndOutput() {
        for (String[] args : new String[][] {{"--input", data.toString()}, {"--output", dir.resolve("s.jsonl").toString()}, {"some text"}}) {
            List<String> command = new ArrayList<>(List.of("score", "--stream", "--model", model.toString()));
            command.addAll(Arrays.asList(args));
            Run r = run(command.toArray(String[]::new));
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).contains("--stream reads standard input and writes standard output");
        }
        assertThat(dir.resolve("s.jsonl")).doesNotExist();
    }

    @Test
    void scoresTextArgumentsAsATableAndCsv() {
        Run table = run("score", "--model", model.toString(), "Cheap printer support! call 0300-1234567");
        assertThat(table.exit()).isZero();
        assertThat(table.out()).contains("spam", "contains a phone number");
        Run csv = run("score", "--model", model.toString(), "--format", "csv", "=1+1 reasons to agree", "fine");
        assertThat(csv.out().lines().findFirst().orElseThrow()).isEqualTo("id,label,spam_score,action,p_low_quality,p_ok,p_spam,reasons");
        assertThat(csv.out().lines().count()).isEqualTo(3);
    }

    @Test
    void aCommentWithoutAnIdIsNamedByItsLineSoThatItsVerdictCanBeJoinedBack() throws Exception {
        Path csv = Files.writeString(dir.resolve("no-ids.csv"), "text\nfirst one\n\"second,\non two lines\"\nthird one\n");
        Run scored = run("score", "--input", csv.toString(), "--format", "jsonl");
        assertThat(scored.exit()).as(scored.err()).isZero();
        assertThat(scored.out().lines().map(l -> l.substring(0, l.indexOf(',')))).containsExactly("{\"id\":\"2\"",
                "{\"id\":\"3\"", "{\"id\":\"5\"");
        Path some = Files.writeString(dir.resolve("some-ids.jsonl"), "{\"text\":\"z w\"}\n{\"id\":\"1\",\"text\":\"x y\"}\n");
        assertThat(run("score", "--input", some.toString(), "--format", "jsonl").out().lines()
                .map(l -> l.substring(0, l.indexOf(',')))).as("a line number could be another row's id")
                .containsExactly("{\"id\":\"\"", "{\"id\":\"1\"");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        Run none = run("score", "--input", empty.toString());
        assertThat(none.exit()).isEqualTo(Main.EXIT_INPUT);
        assertThat(none.err()).contains("the file is empty");
    }

    @Test
    void writesOutputFilesAtomically() throws Exception {
        Path out = dir.resolve("verdicts.jsonl");
        Run r = run("score", "--model", model.toString(), "--input", data.toString(), "--format", "jsonl", "--output", out.toString());
        assertThat(r.exit()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(90);
        Run bad = run("score", "--model", model.toString(), "--input", dir.resolve("missing.csv").toString(), "--output", out.toString());
        assertThat(bad.exit()).isEqualTo(Main.EXIT_INPUT);
        assertThat(Files.readAllLines(out)).hasSize(90);
    }

    @Test
    void infoShowsProvenance() {
        Run r = run("info", model.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("checksum OK", "Weka 3.8.6", "low_quality, ok, spam", "SHA-256", "train.csv");
    }

    @Test
    void evaluatePrintsTheMetrics() {
        Run r = run("evaluate", "--model", model.toString(), "--data", data.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("accuracy", "MCC", "ROC AUC", "PR AUC", "precision", "confusion matrix",
                "false-positive rate");
    }

    @Test
    void evaluateOnNoRowsIsAnError() throws Exception {
        Path empty = dir.resolve("header-only.csv");
        Files.writeString(empty, "text,label\n");
        Run r = run("evaluate", "--model", model.toString(), "--data", empty.toString());
        assertThat(r.exit()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err()).isEqualTo("error: " + empty + ": no comments to evaluate\n");
        assertThat(r.out()).doesNotContain("NaN");

        Path allBad = dir.resolve("all-bad.csv");
        Files.writeString(allBad, "text,label\n,ok\nfine,\n");
        Run skipped = run("evaluate", "--model", model.toString(), "--data", allBad.toString(), "--skip-invalid",
                "--rejects", dir.resolve("all-bad.rejects.csv").toString());
        assertThat(skipped.exit()).isEqualTo(Main.EXIT_INPUT);
        assertThat(skipped.err()).endsWith("error: " + allBad + ": no comments to evaluate (all 2 were set aside as invalid)\n");
    }

    @Test
    void evaluateWritesAnHtmlReportWithBothCharts() throws Exception {
        Path report = dir.resolve("report");
        Run r = run("evaluate", "--model", model.toString(), "--data", data.toString(), "--report", report.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String html = Files.readString(report.resolve("index.html"));
        assertThat(html).contains("<img src=\"roc.png\"", "<img src=\"scores.png\"", "<img src=\"pr.png\"", "Confusion matrix",
                "(review)", "(block)", "Misclassified comments", "spam recall");
        assertThat(html).containsSubsequence("Genuine blocked", "Genuine comments blocked", "<img src=\"roc.png\"",
                "Misclassified comments");
        for (String png : new String[] {"roc.png", "scores.png", "pr.png"}) {
            byte[] bytes = Files.readAllBytes(report.resolve(png));
            assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            assertThat(javax.imageio.ImageIO.read(report.resolve(png).toFile()).getWidth()).isEqualTo(640);
        }
    }

    /** The figures that matter to a site come first, in words, then the actions per true label. */
    @Test
    void evaluatePrintsGenuineBlockedFirst() {
        Run r = run("evaluate", "--model", model.toString(), "--data", data.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(1)).matches("  genuine blocked +\\d+\\.\\d\\d%  \\(\\d+ of 60 genuine comments\\)");
        assertThat(lines.get(2)).matches("  genuine sent to review +\\d+\\.\\d\\d%  \\(\\d+ of 60\\)");
        assertThat(lines.get(3)).matches("  spam blocked +\\d+\\.\\d\\d%  \\(\\d+ of 30 spam comments\\)");
        assertThat(lines.get(4)).matches("  spam caught \\(block or review\\) +\\d+\\.\\d\\d%  \\(\\d+ of 30\\)");
        assertThat(r.out()).containsSubsequence("genuine: every label but spam. Actions by true label:",
                "label", "comments", "allow", "demote", "review", "block", "low_quality", "ok", "spam", "Classification:",
                "accuracy");
        assertThat(r.out()).containsPattern("\\n  spam +30 +\\d+ \\(\\d+\\.\\d\\d%\\) +\\d+ \\(");
        assertThat(r.out()).as("no kind column, no table by kind").doesNotContain("by kind");
        assertThat(run("evaluate", "--help").out()).contains("genuine comments blocked", "spam caught", "--group-column",
                "site_kind, else kind", "log scale");
    }

    /** Each kind of site gets its row: the counts add up to the kind's comments. */
    @Test
    void evaluateGivesTheFiguresPerKindOfSite() throws Exception {
        Path kinds = dir.resolve("kinds.csv");
        List<String> rows = Files.readAllLines(data);
        List<String> out = new ArrayList<>(List.of(rows.get(0) + ",kind"));
        for (int i = 1; i < rows.size(); i++) {
            out.add(rows.get(i) + "," + (i % 2 == 0 ? "recipes" : "software"));
        }
        Files.write(kinds, out);
        Run r = run("evaluate", "--model", model.toString(), "--data", kinds.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsSubsequence("genuine blocked", "spam caught (block or review)", "by kind:",
                "kind", "genuine", "spam", "genuine blocked", "genuine to review", "spam blocked", "spam caught", "ROC AUC",
                "recipes", "software", "Classification:");
        String recipes = r.out().lines().filter(l -> l.startsWith("  recipes ")).findFirst().orElseThrow();
        String[] cells = recipes.trim().split(" {2,}");
        assertThat(Integer.parseInt(cells[1]) + Integer.parseInt(cells[2])).isEqualTo(45);
        assertThat(cells[7]).matches("0\\.\\d{4}|1\\.0000");
        // Named: any column, here the label itself, which puts all of a kind's comments on one side.
        Run named = run("evaluate", "--model", model.toString(), "--data", kinds.toString(), "--group-column", "tag");
        assertThat(named.exit()).as(named.err()).isZero();
        assertThat(named.out()).contains("by tag:").containsPattern("\\n  spam +0 +30 +– +– ");
        Run missing = run("evaluate", "--model", model.toString(), "--data", kinds.toString(), "--group-column", "site");
        assertThat(missing.exit()).isEqualTo(Main.EXIT_INPUT);
        assertThat(missing.err()).contains("no column named 'site'");
    }

    @Test
    void badModelFilesGiveOneLineAndExitCodeFour() throws Exception {
        byte[] bytes = Files.readAllBytes(model);
        Path truncated = dir.resolve("truncated.model");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 3));
        Path foreign = dir.resolve("foreign.model");
        Files.writeString(foreign, "this is not a model\n");
        Path tampered = dir.resolve("tampered.model");
        byte[] changed = bytes.clone();
        changed[300] ^= 1; // in the manifest, read to score
        Files.write(tampered, changed);
        for (Path p : List.of(truncated, foreign, tampered)) {
            for (String command : List.of("score", "info")) {
                Run r = command.equals("score") ? run("score", "--model", p.toString(), "hello") : run("info", p.toString());
                assertThat(r.exit()).isEqualTo(Main.EXIT_MODEL);
                assertThat(r.err().lines().toList()).hasSize(1);
                assertThat(r.err()).startsWith("error: " + p);
                assertThat(r.out()).isEmpty();
            }
        }
    }

    /**
     * The Weka classifier at the end of the file is not needed to score a logistic model, so score does
     * not read it; info checks the whole file, and anything that deserialises the classifier checks it first.
     */
    @Test
    void changeInTheClassifierSectionIsFoundByInfo() throws Exception {
        byte[] changed = Files.readAllBytes(model);
        changed[changed.length - 100] ^= 1;
        Path tampered = dir.resolve("tampered-classifier.model");
        Files.write(tampered, changed);
        assertThat(run("score", "--model", tampered.toString(), "hello").exit()).isZero();
        Run r = run("info", tampered.toString());
        assertThat(r.exit()).isEqualTo(Main.EXIT_MODEL);
        assertThat(r.err().strip()).isEqualTo("error: " + tampered
                + ": checksum mismatch in the classifier section, the model file is corrupt or has been modified");
    }

    @Test
    void badInputNamesFileAndLine() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "text,label\nfine,ok\n,ok\n");
        Run r = run("evaluate", "--model", model.toString(), "--data", bad.toString());
        assertThat(r.exit()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: " + bad + ":3: the comment text is empty");
    }

    @Test
    void skipInvalidWritesEveryRejectedRowWithItsReasonAndCountsThem() throws Exception {
        Path bad = dir.resolve("mixed.csv");
        Files.writeString(bad, "id,text,label\n1,fine comment,ok\n2,,ok\n1,same id again,ok\n3,odd label,weird\n4,\"=cmd\",spam\n");
        Run strict = run("evaluate", "--model", model.toString(), "--data", bad.toString());
        assertThat(strict.exit()).isEqualTo(Main.EXIT_INPUT);
        assertThat(strict.err().strip()).isEqualTo("error: " + bad + ":3: the comment text is empty");

        Path rejects = dir.resolve("rejects.csv");
        Run lenient = run("evaluate", "--model", model.toString(), "--data", bad.toString(), "--skip-invalid",
                "--rejects", rejects.toString());
        assertThat(lenient.exit()).as(lenient.err()).isZero();
        assertThat(lenient.err()).contains("skipped 3 invalid row(s)", rejects.toString());
        assertThat(lenient.out()).contains("Evaluated on 2 comments");
        List<String> lines = Files.readAllLines(rejects);
        assertThat(lines.get(0)).isEqualTo("file,line,problem,text");
        assertThat(lines).hasSize(4);
        assertThat(String.join("\n", lines)).contains("the comment text is empty", "duplicate id '1' (first at " + bad + ":2)",
                "label 'weird' is not one of the model's labels");
    }

    @Test
    void anExactRepeatIsDroppedButAnIdReusedForAnotherCommentIsAnError() throws Exception {
        Path repeat = dir.resolve("repeat.csv");
        Files.writeString(repeat, "id,text,label\n1,fine comment,ok\n2,call 0300-1234567 now,spam\n2,call 0300-1234567 now,spam\n");
        Run dropped = run("evaluate", "--model", model.toString(), "--data", repeat.toString());
        assertThat(dropped.exit()).as(dropped.err()).isZero();
        assertThat(dropped.err()).isEqualTo("note: dropped 1 exact repeat(s) of an earlier row (same id, text and label; "
                + repeat + ":4 repeats line 3)\n");
        assertThat(dropped.out()).contains("Evaluated on 2 comments");

        for (String other : List.of("2,call 0300-1234567 today,spam", "2,call 0300-1234567 now,ok")) {
            Path reused = dir.resolve("reused.csv");
            Files.writeString(reused, "id,text,label\n1,fine comment,ok\n2,call 0300-1234567 now,spam\n" + other + "\n");
            Run r = run("evaluate", "--model", model.toString(), "--data", reused.toString());
            assertThat(r.exit()).as(other).isEqualTo(Main.EXIT_INPUT);
            assertThat(r.err()).isEqualTo("error: " + reused + ":4: duplicate id '2' (first at " + reused + ":3)\n");
        }
    }

    @Test
    void hugeFieldIsRejectedWithItsLine() throws Exception {
        Path big = dir.resolve("big.csv");
        Files.writeString(big, "text\nsmall\n\"" + "x".repeat(10 * 1024 * 1024) + "\"\n");
        Run r = run("score", "--model", model.toString(), "--input", big.toString(), "--output", dir.resolve("o.jsonl").toString());
        assertThat(r.exit()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: " + big + ":3: the comment is 10,485,760 characters long; the limit is 1,048,576");
        assertThat(Files.exists(dir.resolve("o.jsonl"))).isFalse();
    }

    @Test
    void randomBytesAreNotAModel() throws Exception {
        Path random = dir.resolve("random.model");
        byte[] bytes = new byte[4096];
        new java.util.Random(3).nextBytes(bytes);
        Files.write(random, bytes);
        Run r = run("info", random.toString());
        assertThat(r.exit()).isEqualTo(Main.EXIT_MODEL);
        assertThat(r.err().strip()).isEqualTo("error: " + random + ": not a CommentGuard model file (wrong magic bytes)");
    }

    @Test
    void unknownLabelAndTooFewExamplesAreClearErrors() throws Exception {
        Path one = dir.resolve("one.csv");
        Files.writeString(one, "text,label\na,spam\nb,spam\n");
        Run r = run("train", "--data", one.toString(), "--out", dir.resolve("x.model").toString());
        assertThat(r.exit()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err()).contains("at least two labels");
        assertThat(Files.exists(dir.resolve("x.model"))).isFalse();
    }

    @Test
    void helpAndUsageErrors() {
        assertThat(run("score", "--help").out()).contains("--input", "--format", "--model", "--explain", "--encoding");
        for (String command : List.of("score", "train", "evaluate", "info")) {
            assertThat(run(command, "--help").out()).as(command).contains("Exit codes:", "0   success", "3   bad input data",
                    "4   bad model file", "5   could not write output");
        }
        Run r = run("score", "--format", "xml", "hi");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown format 'xml'");
    }
}
