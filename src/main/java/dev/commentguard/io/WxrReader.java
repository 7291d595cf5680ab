package dev.commentguard.io;

import dev.commentguard.Article;
import dev.commentguard.Comment;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a WordPress WXR file (Tools &gt; Export): each {@code <item>} is a post, the article of the
 * {@code <wp:comment>}s under it, with its title, content (HTML made text) and {@code <link>} as permalink; the
 * channel's {@code <link>} is the site. Streamed: memory holds one post's text at a time besides the comments.
 */
final class WxrReader {

    /** The comments, and the posts by {@code wp:post_id} (for {@code --articles}). */
    record Parsed(List<ExportedComment> comments, Map<String, Article> articles) {
    }

    private WxrReader() {
    }

    static Parsed read(InputStream in, String name) throws IOException {
        XMLStreamReader r = SafeXml.open(in, name);
        List<ExportedComment> comments = new ArrayList<>();
        Map<String, Article> articles = new LinkedHashMap<>();
        String site = "";
        Map<String, String> post = null;
        List<Map<String, String>> postComments = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        Map<String, String> comment = null;
        int depth = 0;
        try {
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    String local = r.getLocalName();
                    if (comment != null && local.equals("comment") && isWp(r.getNamespaceURI())) {
                        postComments.add(comment);
                        comment = null;
                    } else if (post != null && local.equals("item")) {
                        Article article = new Article(post.getOrDefault("post_id", ""), post.getOrDefault("title", ""),
                                HtmlText.toText(post.getOrDefault("encoded", "")), site, post.getOrDefault("link", ""));
                        if (!article.id().isBlank()) {
                            articles.putIfAbsent(article.id().strip(), article);
                        }
                        for (int i = 0; i < postComments.size(); i++) {
                            comments.add(comment(postComments.get(i), lines.get(i), article));
                        }
                        post = null;
                        postComments.clear();
                        lines.clear();
                    }
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                depth++;
                String local = r.getLocalName();
                if (depth == 1) {
                    SafeXml.requireRoot(r, "rss", name);
                }
                String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
                if (depth == 3 && post == null && local.equals("link") && ns.isEmpty()) {
                    site = r.getElementText().strip(); // the channel's
                    depth--;
                } else if (depth == 3 && local.equals("item")) {
                    post = new HashMap<>();
                } else if (post != null && comment == null && depth == 4) {
                    if (local.equals("comment") && isWp(ns)) {
                        comment = new HashMap<>();
                        lines.add((long) r.getLocation().getLineNumber());
                    } else if (ns.isEmpty() && (local.equals("title") || local.equals("link"))
                            || local.equals("encoded") && ns.startsWith("http://purl.org/rss/1.0/modules/content")
                            || local.equals("post_id") && isWp(ns)) {
                        post.put(local, r.getElementText());
                        depth--;
                    }
                } else if (comment != null && depth == 5 && isWp(ns) && local.startsWith("comment_")) {
                    comment.put(local, r.getElementText());
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            throw SafeXml.failure(name, e);
        } finally {
            SafeXml.close(r);
        }
        return new Parsed(comments, articles);
    }

    /** WordPress's export namespace, in every WXR version (1.0 to 1.2, http or https). */
    static boolean isWp(String ns) {
        return ns != null && ns.matches("https?://wordpress\\.org/export/\\d+\\.\\d+/?");
    }

    private static ExportedComment comment(Map<String, String> c, long line, Article article) {
        String value = c.getOrDefault("comment_approved", "").strip();
        String type = c.getOrDefault("comment_type", "").strip();
        Comment comment = new Comment(c.getOrDefault("comment_id", "").strip(),
                HtmlText.toText(c.getOrDefault("comment_content", "")), c.getOrDefault("comment_author", "").strip(),
                c.getOrDefault("comment_author_url", "").strip(), c.getOrDefault("comment_author_email", "").strip(),
                article, article.site(), article.permalink());
        return new ExportedComment(line, comment, ModerationStatus.ofWordPress(value), value, isPing(type));
    }

    static boolean isPing(String type) {
        return type.equalsIgnoreCase("pingback") || type.equalsIgnoreCase("trackback");
    }
}
