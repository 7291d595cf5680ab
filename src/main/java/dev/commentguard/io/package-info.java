/**
 * Reading comments from CSV and JSON Lines (header aliases, column options, articles joined by id) and
 * writing verdicts as a table, CSV or JSON Lines; reading what comment systems export (WordPress WXR, the
 * {@code wp_comments} table, Disqus XML) with each comment labelled by its moderation ({@link dev.commentguard.io.SiteExports}).
 * Errors name the file and line.
 */
package dev.commentguard.io;
