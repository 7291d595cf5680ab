package dev.commentguard;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Comments scored one at a time as they arrive: single scoring, plus the texts posted again. */
class CommentStreamTest {

    private static final CommentScorer SCORER = CommentScorer.of(TestModels.small());

    @Test
    void flagsATextFromItsSecondPostAndScoresTheRestAsSingleComments() {
        CommentStream stream = SCORER.stream();
        Comment first = Comment.of("Visit www.repeat-offer.example.com today");
        Comment again = Comment.of("visit WWW.repeat-offer.example.com today!");
        var base = TestData.threeClasses(10, 3);
        List<Comment> others = new java.util.ArrayList<>();
        for (int i = 0; i < base.size(); i++) { // the generated texts repeat; these must not
            others.add(Comment.of(base.get(i).comment().text() + " unique " + i));
        }

        assertThat(stream.score(first)).isEqualTo(SCORER.score(first));
        for (Comment c : others) {
            assertThat(stream.score(c)).isEqualTo(SCORER.score(c));
        }
        Verdict repeated = stream.score(again);
        assertThat(repeated.reasons()).extracting(Reason::code).contains("duplicate");
        assertThat(SCORER.score(again).reasons()).extracting(Reason::code).doesNotContain("duplicate");
        assertThat(SCORER.stream().score(again)).as("a new stream remembers nothing").isEqualTo(SCORER.score(again));
    }

    @Test
    void forgetsTheTextsUnseenLongest() {
        CommentStream stream = new CommentStream(SCORER, 2);
        Comment a = Comment.of("Cheap flights to anywhere, book now");
        Comment b = Comment.of("The council vote was closer than the headline says");
        Comment c = Comment.of("Great piece, thanks for writing it");

        stream.score(a);
        stream.score(b);
        assertThat(stream.score(a).reasons()).extracting(Reason::code).contains("duplicate"); // a is now the newest
        stream.score(c); // b, unseen longest, is forgotten
        assertThat(stream.score(b).reasons()).extracting(Reason::code).doesNotContain("duplicate");
        assertThat(stream.score(c).reasons()).extracting(Reason::code).contains("duplicate");
    }
}
