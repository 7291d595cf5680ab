package dev.commentguard;

import dev.commentguard.training.LabelledComment;

import java.util.ArrayList;
import java.util.List;
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

    private static String pick(String[] options, Random r) {
        return options[r.nextInt(options.length)];
    }

    private static String word(Random r) {
        String[] words = {"Really.", "Shame.", "Again.", "Sigh.", "Agreed?", "Wow.", "Hmm.", ""};
        return pick(words, r);
    }
}
