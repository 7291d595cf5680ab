package dev.commentguard.serve;

import java.util.Map;

/**
 * An answer to a request: status, body and headers, and the action taken on the comment for the access log (null
 * when none or several). Immutable: thread-safe.
 */
record Answer(int status, String contentType, String body, Map<String, String> headers, String action) {

    static final String TEXT = "text/plain; charset=utf-8";

    static Answer text(int status, String body) {
        return new Answer(status, TEXT, body, Map.of(), null);
    }

    static Answer json(int status, String body) {
        return new Answer(status, "application/json", body, Map.of(), null);
    }

    /** A key not accepted, with the header in which Akismet explains why: Akismet's clients show it to the site's owner. */
    static Answer keyRefused(int status, String body) {
        return new Answer(status, TEXT, body, Map.of("X-akismet-debug-help", "The API key is not one this server accepts."), null);
    }
}
