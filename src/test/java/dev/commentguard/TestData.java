package dev.commentguard;

import dev.commentguard.bench.Obfuscator;
import dev.commentguard.io.CommentReader;
import dev.commentguard.io.InputOptions;
import dev.commentguard.io.InputRow;
import dev.commentguard.training.LabelledComment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small, deterministic labelled comments for tests, made from short phrase lists. */
public final class TestData {

    private static final String[] SPAM_OPEN = {"Best deals online", "Cheap printer support", "Instant loans approved",
            "Earn money from home", "Free classified ads", "Buy followers fast", "Crypto profits daily", "Win a free phone"};
    private static final String[] SPAM_CONTACT = {"call 0300-1234567", "visit www.cheap-deals.example.com",
            "whatsapp +1 555 201 7788", "email sales@promo-mail.com", "click http://bit.ly/3xYz", "text WIN to 80086"};
    private static final String[] OK_OPEN = {"I think the council", "The minister should", "My neighbour says the bus",
            "Honestly the new stadium", "This report about schools", "The rail strike", "Prices at the market",
            "The mayor's plan"};
    private static final String[] OK_CLOSE = {"is a bad idea and nobody asked us.", "makes sense if they fund it properly.",
            "was late again this morning, typical.", "needs a second look before the vote.",
            "ignores what happened last winter.", "is the first sensible thing I've read this week."};
    private static final String[] LOW = {"nice post", "thank you for sharing", "great article thanks", "very informative",
            "good info", "thanks for the post", "nice blog", "keep it up", "awesome post thanks", "very helpful article"};

    private TestData() {
    }

    /** {@code perClass} comments of each label spam, ok and low_quality. */
    public static List<LabelledComment> threeClasses(int perClass, long seed) {
        Random r = new Random(seed);
        List<LabelledComment> out = new ArrayList<>();
        for (int i = 0; i < perClass; i++) {
            out.add(new LabelledComment(Comment.of(pick(SPAM_OPEN, r) + "! " + pick(SPAM_CONTACT, r) + " " + (100 + i)), "spam", "test"));
            out.add(new LabelledComment(Comment.of(pick(OK_OPEN, r) + " " + pick(OK_CLOSE, r) + " " + word(r)), "ok", "test"));
            out.add(new LabelledComment(Comment.of(pick(LOW, r) + (r.nextBoolean() ? "!" : "")), "low_quality", "test"));
        }
        return out;
    }

    /**
     * The raw text of every comment of the corpus (train and held-out), then an obfuscated copy of each: where a
     * cheap test before a search is checked against the search itself.
     */
    public static List<String> corpusTextsAndDisguises() throws IOException {
        List<String> raw = new ArrayList<>();
        for (String file : new String[] {"training-data/train.csv", "training-data/heldout.csv"}) {
            for (InputRow r : CommentReader.read(Path.of(file), InputOptions.DEFAULT, Map.of(), true)) {
                raw.add(r.comment().text());
            }
        }
        for (Obfuscator.Variant v : Obfuscator.variants(raw, 1, 11)) {
            raw.add(v.text());
        }
        return raw;
    }

    private static String pick(String[] options, Random r) {
        return options[r.nextInt(options.length)];
    }

    private static String word(Random r) {
        String[] words = {"Really.", "Shame.", "Again.", "Sigh.", "Agreed?", "Wow.", "Hmm.", ""};
        return pick(words, r);
    }
}
