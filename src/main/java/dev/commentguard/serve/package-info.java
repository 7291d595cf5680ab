/**
 * The HTTP service behind {@code commentguard serve}: Akismet's REST API (1.1) and CommentGuard's own JSON API over
 * one shared, hot-reloadable scorer, with API keys, metrics and an access log. It runs on Jetty's core API and is part
 * of the command line, not of the library: an embedder gets none of it.
 */
package dev.commentguard.serve;
