package dev.commentguard.io;

import dev.commentguard.Article;
import dev.commentguard.Comment;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Disqus XML export: {@code <thread dsq:id>}s (the articles: title and link) and {@code <post dsq:id>}s (the
 * comments: {@code message} in HTML, {@code author/name}, {@code author/email}, {@code isSpam}, {@code isDeleted},
 * and {@code <thread dsq:id>} naming their thread). A post may come before its thread; the site is the origin of the
 * thread's link.
 */
final class DisqusReader {

    private DisqusReader() {
    }

    private record Post(long line, Map<String, String> fields) {
    }

    static List<ExportedComment> read(InputStream in, String name) throws IOException {
        XMLStreamReader r = SafeXml.open(in, name);
        Map<String, Article> threads = new HashMap<>();
        List<Post> posts = new ArrayList<>();
        Map<String, String> element = null; // the thread's or post's fields being read
        boolean isPost = false;
        boolean inAuthor = false;
        int depth = 0;
        try {
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    if (depth == 1 && element != null) {
                        if (isPost) {
                            posts.add(new Post(Long.parseLong(element.get("#line")), element));
                        } else {
                            String link = element.getOrDefault("link", "").strip();
                            threads.put(element.getOrDefault("#id", ""), new Article(element.getOrDefault("#id", ""),
                                    element.getOrDefault("title", ""), "", origin(link), link));
                        }
                        element = null;
                    } else if (depth == 2) {
                        inAuthor = false;
                    }
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                depth++;
                String local = r.getLocalName();
                if (depth == 1) {
                    SafeXml.requireRoot(r, "disqus", name);
                }
                if (depth == 2 && (local.equals("thread") || local.equals("post"))) {
                    element = new HashMap<>();
                    isPost = local.equals("post");
                    element.put("#id", id(r));
                    element.put("#line", Integer.toString(r.getLocation().getLineNumber()));
                } else if (depth == 3 && element != null) {
                    if (local.equals("author")) {
                        inAuthor = true;
                    } else if (local.equals("thread")) {
                        element.put("thread", id(r)); // the post's thread, by reference
                    } else if (local.equals("message") || local.equals("title") || local.equals("link")
                            || local.equals("isSpam") || local.equals("isDeleted")) {
                        element.put(local, r.getElementText());
                        depth--;
                    }
                } else if (depth == 4 && inAuthor && element != null
                        && (local.equals("name") || local.equals("email") || local.equals("username") || local.equals("link"))) {
                    element.put("author_" + local, r.getElementText());
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            throw SafeXml.failure(name, e);
        } finally {
            SafeXml.close(r);
        }
        List<ExportedComment> comments = new ArrayList<>(posts.size());
        for (Post p : posts) {
            Map<String, String> f = p.fields();
            Article article = threads.get(f.getOrDefault("thread", ""));
            boolean spam = Boolean.parseBoolean(f.getOrDefault("isSpam", "false").strip());
            boolean deleted = Boolean.parseBoolean(f.getOrDefault("isDeleted", "false").strip());
            ModerationStatus status = spam ? ModerationStatus.SPAM : deleted ? ModerationStatus.DELETED : ModerationStatus.APPROVED;
            String author = f.getOrDefault("author_name", f.getOrDefault("author_username", "")).strip();
            Comment c = new Comment(f.get("#id"), HtmlText.toText(f.getOrDefault("message", "")), author,
                    f.getOrDefault("author_link", "").strip(), f.getOrDefault("author_email", "").strip(), article,
                    article == null ? "" : article.site(), article == null ? "" : article.permalink());
            comments.add(new ExportedComment(p.line(), c, status, spam ? "isSpam" : deleted ? "isDeleted" : "", false));
        }
        return comments;
    }

    /** The {@code dsq:id} attribute of the current element (or any attribute named id), else empty. */
    private static String id(XMLStreamReader r) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equals("id")) {
                return r.getAttributeValue(i).strip();
            }
        }
        return "";
    }

    /** {@code https://example.com/} for {@code https://example.com/2024/post/}; empty when it is not a URL. */
    static String origin(String link) {
        try {
            URI uri = new URI(link);
            return uri.getScheme() == null || uri.getHost() == null ? "" : uri.getScheme() + "://" + uri.getHost() + "/";
        } catch (java.net.URISyntaxException e) {
            return "";
        }
    }
}
