package dev.commentguard.serve;

import dev.commentguard.Action;
import dev.commentguard.Comment;
import dev.commentguard.Verdict;
import dev.commentguard.feedback.Decision;
import dev.commentguard.feedback.FeedbackStore;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Akismet's REST API 1.1 ({@code /1.1/verify-key}, {@code comment-check}, {@code submit-spam}, {@code submit-ham}):
 * form-encoded requests, the key in the form or the host name, and the bare {@code true}/{@code false}/{@code valid}
 * answers that Akismet's clients parse, so that a site's existing Akismet plug-in can point here unchanged.
 * A record of the services it answers with, all thread-safe; it keeps nothing between requests, so it is
 * thread-safe too.
 */
record AkismetApi(ScorerHolder scorer, FeedbackStore feedback, AtomicReference<ApiKeys> keys, ServiceMetrics metrics) {

    static final String THANKS = "Thanks for making the web a better place.";

    /** The answer to a POST to {@code route}, one of the {@code /1.1/} routes, with its body read. */
    Answer answer(String route, Request request, byte[] body) throws Refusal {
        String type = request.getHeaders().get(org.eclipse.jetty.http.HttpHeader.CONTENT_TYPE);
        if (type != null && type.toLowerCase(Locale.ROOT).contains("json")) { // else read as a form without its key: 403
            throw new Refusal(400, route + " takes a form (application/x-www-form-urlencoded), as Akismet's API does;"
                    + " JSON goes to /v1/score");
        }
        if (Forms.isMultipart(type)) {
            throw new Refusal(415, route + " takes application/x-www-form-urlencoded, as Akismet's API does, not " + type);
        }
        Map<String, String> form;
        try {
            form = Forms.parse(body, type);
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, e.getMessage());
        }
        List<String> formKeys = Arrays.asList(form.get("api_key"), form.get("key"));
        ApiKeys keys = this.keys.get();
        if (route.equals("/1.1/verify-key")) { // Akismet verifies the key of the form, whatever host was called
            return keys.accepts(formKeys) ? Answer.text(200, "valid") : Answer.keyRefused(200, "invalid");
        }
        if (!keys.accepts(formKeys) && !keys.acceptsHostLabel(hostKey(request))) {
            throw new Refusal(Answer.keyRefused(403, "invalid"));
        }
        Comment comment = comment(form);
        return switch (route) {
            case "/1.1/comment-check" -> {
                Answer test = AkismetTests.answer(form);
                if (test != null) {
                    yield test;
                }
                Verdict v = scorer.get().score(comment);
                metrics.verdict(v.action());
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("X-CommentGuard-Spam-Score", String.format(Locale.ROOT, "%.6f", v.spamScore()));
                headers.put("X-CommentGuard-Label", v.label());
                headers.put("X-CommentGuard-Action", v.action().code());
                if (v.action() == Action.BLOCK) {
                    headers.put("X-akismet-pro-tip", "discard");
                }
                boolean held = v.action() == Action.BLOCK || v.action() == Action.REVIEW;
                yield new Answer(200, Answer.TEXT, held ? "true" : "false", headers, v.action().code());
            }
            case "/1.1/submit-spam" -> record(comment, "spam", "akismet submit-spam");
            case "/1.1/submit-ham" -> record(comment, "ok", "akismet submit-ham");
            default -> throw new Refusal(404, "no such route");
        };
    }

    /**
     * The comment in an Akismet form. Of the other fields Akismet defines, {@code comment_type}, {@code user_ip},
     * {@code user_agent}, {@code referrer}, {@code blog_lang} and {@code is_test} are accepted, and not used: the
     * model reads the comment, its author and its site, not the request it came in. ({@code blog_charset} says how
     * the form is encoded, {@link Forms}; {@code user_role} and Akismet's test values, {@link AkismetTests}.)
     */
    private static Comment comment(Map<String, String> form) throws Refusal {
        String text = form.get("comment_content");
        if (text == null || text.isBlank()) {
            throw new Refusal(400, "Missing required field: comment_content.");
        }
        return Comment.builder().text(text).author(form.get("comment_author")).authorUrl(form.get("comment_author_url"))
                .authorEmail(form.get("comment_author_email")).site(form.get("blog")).permalink(form.get("permalink")).build();
    }

    private Answer record(Comment comment, String label, String by) throws Refusal {
        try {
            feedback.record(new Decision(comment, label, by, Instant.now()));
        } catch (IOException e) {
            throw new Refusal(500, "cannot record the decision: " + e.getMessage());
        }
        return Answer.text(200, THANKS);
    }

    /** The first label of the Host header, where Akismet's classic URLs put the key ({@code KEY.rest.akismet.com}). */
    private static String hostKey(Request request) {
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (host == null) {
            return null;
        }
        int dot = host.indexOf('.');
        return dot > 0 ? host.substring(0, dot) : null;
    }
}
