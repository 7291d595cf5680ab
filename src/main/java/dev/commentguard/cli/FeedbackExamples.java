package dev.commentguard.cli;

import dev.commentguard.feedback.Decision;
import dev.commentguard.feedback.FeedbackStore;
import dev.commentguard.io.SiteExports;
import dev.commentguard.training.LabelledComment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The feedback store's decisions as training examples, for {@code train --feedback}.
 *
 * @param source  how the manifest names the store: its file, its decisions in all and per label, and the last decision time
 * @param summary what train says on stderr
 */
record FeedbackExamples(List<LabelledComment> examples, String source, String summary) {

    /** The store's file in {@code dataDir}, which must be there: opening would create an empty store, and read nothing. */
    static Path existingStore(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FeedbackStore.FILE_NAME);
        if (!Files.exists(file)) {
            throw new dev.commentguard.io.InputFormatException(file.toString(), 0,
                    "no feedback store here (record decisions with the feedback command first)");
        }
        return file;
    }

    static FeedbackExamples read(Path dataDir) throws IOException {
        Path file = existingStore(dataDir);
        List<Decision> decisions;
        String last;
        try (FeedbackStore store = FeedbackStore.open(dataDir)) {
            decisions = store.all();
            last = store.lastDecisionTime().map(Object::toString).orElse("none");
        }
        List<LabelledComment> examples = new ArrayList<>(decisions.size());
        Map<String, Integer> perLabel = new TreeMap<>();
        for (Decision d : decisions) {
            examples.add(new LabelledComment(d.comment(), d.label(), file + " (" + d.key() + ")"));
            perLabel.merge(d.label(), 1, Integer::sum);
        }
        StringBuilder rows = new StringBuilder();
        perLabel.forEach((label, n) -> rows.append(String.format(Locale.ROOT, ", %,d %s", n, label)));
        String source = String.format(Locale.ROOT, "%s (feedback store: %,d decisions%s, last %s)", file.getFileName(),
                decisions.size(), rows, last);
        String summary = String.format(Locale.ROOT, "%s: %,d decision(s) %s, the last at %s", file, decisions.size(),
                perLabel, last);
        return new FeedbackExamples(examples, source, summary);
    }

    /**
     * The store's decisions, those labelled {@code rare} trained as {@code instead} when the data (which holds
     * {@code inData} of them) and the store together hold fewer than {@code minimum}: a few {@code low_quality}
     * decisions beside a site's ok and spam would be a label too rare to train, or a third label for a site of two, and
     * the store has no way to take a decision back. Said on {@code err} when it happens.
     */
    List<LabelledComment> asGenuineWhenTooFew(long inData, String rare, String instead, int minimum, java.io.PrintWriter err) {
        long fromStore = examples.stream().filter(e -> e.label().equals(rare)).count();
        long count = inData + fromStore;
        if (fromStore == 0 || count >= minimum) {
            return examples;
        }
        err.printf(Locale.ROOT, "%,d %s decision(s) of the feedback store trained as %s: %,d in all, fewer than the %d a label"
                + " needs to be trained as its own%n", fromStore, rare, instead, count, minimum);
        return examples.stream().map(e -> e.label().equals(rare) ? new LabelledComment(e.comment(), instead, e.source(),
                e.group()) : e).toList();
    }

    /**
     * The rows of {@code data} that no decision of the store concerns: a moderator's decision on a comment of the
     * exported data (the same text, and the same id or author: see {@link #decides}) replaces the export's row, as a later decision
     * replaces an earlier one in the store, so that one comment is not trained twice, under two labels perhaps.
     */
    List<LabelledComment> notDecided(List<LabelledComment> data) {
        java.util.function.Predicate<dev.commentguard.Comment> decided = decides();
        List<LabelledComment> kept = new ArrayList<>(data.size());
        for (LabelledComment e : data) {
            if (!decided.test(e.comment())) {
                kept.add(e);
            }
        }
        return kept;
    }

    /**
     * Whether a decision of the store concerns a comment: the same text, as an export reads it (HTML made text, white
     * space tidied), and the same id when both have one, else the same author. An id alone is not enough: an export's
     * ids are its site's numbering, which another site's export repeats.
     */
    java.util.function.Predicate<dev.commentguard.Comment> decides() {
        java.util.Map<String, List<dev.commentguard.Comment>> byText = new java.util.HashMap<>();
        for (LabelledComment e : examples) {
            byText.computeIfAbsent(SiteExports.asRead(e.comment().text()), t -> new ArrayList<>()).add(e.comment());
        }
        // An export's text is read already; a CSV's may be raw HTML. Reading a read text again is not a no-op ("&lt;b&gt;"
        // becomes "<b>", then nothing), so the text is looked up as it is first, then read.
        return c -> same(byText.get(c.text().strip()), c) || same(byText.get(SiteExports.asRead(c.text())), c);
    }

    private static boolean same(List<dev.commentguard.Comment> decided, dev.commentguard.Comment c) {
        return decided != null && decided.stream().anyMatch(d -> !d.id().isBlank() && !c.id().isBlank()
                ? d.id().strip().equals(c.id().strip()) : d.author().strip().equals(c.author().strip()));
    }

    /** What train says on stderr of the store, and of the rows of --data its decisions replaced. */
    String summary(long replaced) {
        return summary + (replaced == 0 ? "" : String.format(Locale.ROOT,
                "; %,d row(s) of --data replaced by a decision on the same comment", replaced));
    }
}
