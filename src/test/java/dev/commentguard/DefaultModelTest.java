package dev.commentguard;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped default model, loaded from the class path as embedders load it. */
class DefaultModelTest {

    static CommentScorer scorer;

    @BeforeAll
    static void load() {
        scorer = CommentScorer.loadDefault();
    }

    @Test
    void isBundledAndKnowsTheThreeLabels() {
        assertThat(scorer.labels()).containsExactly("low_quality", "ok", "spam");
        assertThat(scorer.positiveLabel()).isEqualTo("spam");
        assertThat(scorer.manifest().trainingFiles()).containsExactly("train.csv");
        assertThat(CommentScorer.loadDefault()).isSameAs(scorer);
    }

    @Test
    void pastedArticleSentenceIsLowQualityWithACopyingReasonOnlyUnderItsOwnArticle() {
        Article tram = Article.of("Council approves new tram line to the university",
                "The city council voted on Tuesday to approve a new tram line between the central station and the university campus. "
                        + "Construction is expected to begin next spring and to last about two years, the transport committee said. "
                        + "Residents of Mill Road raised concerns about noise and the loss of parking spaces during the works.");
        Article bakery = Article.of("Family bakery wins national prize",
                "A family bakery in the old town has won a national prize for its rye bread, beating two hundred entrants.");
        String pasted = "Construction is expected to begin next spring and to last about two years, the transport committee said.";
        Verdict under = scorer.score(Comment.builder().text(pasted).article(tram).build());
        assertThat(under.label()).isEqualTo("low_quality");
        assertThat(under.reasons()).extracting(Reason::message).anyMatch(m -> m.matches("copies \\d+% of a sentence of the article"));
        Verdict elsewhere = scorer.score(Comment.builder().text(pasted).article(bakery).build());
        assertThat(elsewhere.reasons()).extracting(Reason::code).doesNotContain("copied_from_article");
    }

    /** The cases of "Never block a genuine reader" that a site would try first, each as the issue states it. */
    @Test
    void genuineReadersWithHelplinesAndLinksAreAllowedAndAnchorTextIsNot() {
        Verdict helpline = scorer.score(Comment.of("If you are struggling, call Samaritans on 116 123"));
        assertThat(helpline.action()).as(helpline.toString()).isEqualTo(Action.ALLOW);
        Comment codeHost = Comment.builder().site("https://www.stackframeblog.com/")
                .text("Same traceback here on 3.12. There's an open issue with a workaround: "
                        + "https://github.com/psf/requests/issues/6432 (pin urllib3 below 2 until it's fixed)").build();
        assertThat(scorer.score(codeHost).action()).as(scorer.score(codeHost).toString()).isEqualTo(Action.ALLOW);
        Comment docs = Comment.of("The docs say the opposite: https://docs.python.org/3/library/asyncio-task.html#asyncio.gather"
                + " returns results in the order of the awaitables, not of completion.");
        assertThat(scorer.score(docs).action()).as(scorer.score(docs).toString()).isEqualTo(Action.ALLOW);
        Comment versionedDocs = Comment.of("The fix is in https://github.com/pallets/flask/pull/5000, see the docs at "
                + "https://flask.palletsprojects.com/en/3.0.x/");
        assertThat(scorer.score(versionedDocs).action()).as(scorer.score(versionedDocs).toString()).isEqualTo(Action.ALLOW);
        Comment ownPage = Comment.builder().site("https://www.harbourtimes.co.uk/")
                .text("You covered the same junction last spring, and the council's answer then was the same: "
                        + "https://www.harbourtimes.co.uk/news/2025/04/millbrook-road-crossing").build();
        assertThat(scorer.score(ownPage).action()).as(scorer.score(ownPage).toString()).isEqualTo(Action.ALLOW);
        Verdict anchor = scorer.score(Comment.of("Great post, thanks for sharing. Best dentist in Dubai"));
        assertThat(anchor.action()).as(anchor.toString()).isNotEqualTo(Action.ALLOW);
    }

    /** The comment section that started the project: ../shared/seeds/004, scored with its article as context. */
    @Test
    void seedCommentSection() throws Exception {
        Path seed = SharedDatasets.require(SharedDatasets.ROOT.resolve("seeds/004_94a52f770bbaaced.txt"));
        String page = Files.readString(seed);
        String title = "Trump, Putin Discuss Syria Cooperation in Phone Call";
        int bodyStart = page.indexOf("\n\n", page.indexOf(title + "\n\n") + title.length() + 2) + 2;
        String body = page.substring(bodyStart, page.indexOf("Share Button")).strip();
        Article article = Article.of(title, body);
        List<Comment> comments = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\s+(\\d+)\\.\\s+(.+)$").matcher(page.substring(page.indexOf("Check Also")));
        while (m.find()) {
            comments.add(Comment.builder().id(m.group(1)).text(m.group(2).strip()).article(article).build());
        }
        assertThat(comments).hasSize(16);
        List<Verdict> verdicts = scorer.scoreAll(comments);
        for (int i = 0; i < comments.size(); i++) {
            String text = comments.get(i).text();
            Verdict v = verdicts.get(i);
            if (text.startsWith("Go Cheap Shop")) {
                assertThat(v.label()).as(text).isEqualTo("spam");
            }
            if (text.contains("default IP address")) {
                // Router trivia under a politics story: the model of feature version 2, which has seen genuine
                // readers talk about routers, labels it ok at a spam score in the review band.
                assertThat(v.action()).as(text).isIn(Action.REVIEW, Action.BLOCK);
            }
            String lower = text.toLowerCase();
            // The "thank you for sharing" comments: thanks for the post, the information, the site, the sharing.
            if (lower.contains("thank") && lower.matches(".*(sharing|shared|information|post|site).*")) {
                assertThat(v.label()).as(text).isNotEqualTo("ok");
            }
            if (text.contains("facing war")) {
                assertThat(v.label()).as(text).isEqualTo("ok");
            }
            if (v.label().equals("spam")) {
                // At least one reason a moderator can read, beyond the list of weighted terms.
                assertThat(v.reasons()).as(text).extracting(Reason::code).anyMatch(code -> !code.equals("terms"));
            }
        }
    }
}
