package dev.commentguard.serve;

import java.util.Locale;
import java.util.Map;

/**
 * The answers Akismet's API fixes whatever the comment says, which clients and their users rely on: the author
 * {@code viagra-test-123} or the e-mail address {@code akismet-guaranteed-spam@example.com} is always spam (for a
 * site's smoke test after switching), and a comment by {@code user_role=administrator} never is (WordPress sends the
 * role, and a site's own administrators are not held). Stateless.
 */
final class AkismetTests {

    static final String SPAM_AUTHOR = "viagra-test-123";
    static final String SPAM_EMAIL = "akismet-guaranteed-spam@example.com";

    private AkismetTests() {
    }

    /** The fixed answer to a {@code comment-check} form, or null when the model is to judge it. */
    static Answer answer(Map<String, String> form) {
        if (SPAM_AUTHOR.equalsIgnoreCase(strip(form.get("comment_author")))
                || SPAM_EMAIL.equalsIgnoreCase(strip(form.get("comment_author_email")))) {
            return fixed("true", "Akismet's test author or e-mail address: always spam");
        }
        if ("administrator".equals(strip(form.get("user_role")).toLowerCase(Locale.ROOT))) {
            return fixed("false", "user_role administrator: never spam");
        }
        return null;
    }

    private static Answer fixed(String body, String why) {
        return new Answer(200, Answer.TEXT, body, Map.of("X-CommentGuard-Fixed", why), null);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
