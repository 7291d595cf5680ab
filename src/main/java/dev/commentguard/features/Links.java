package dev.commentguard.features;

import dev.commentguard.text.Patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a link points to. Genuine readers link to code hosts, documentation, encyclopedias, news, video
 * and public bodies, and to the site they are commenting on; spam links to shorteners and to domains
 * made of sales words. A pure function of the link and the site: thread-safe.
 */
public final class Links {

    /** The kinds of link, each written into the n-gram text as its own token. */
    public enum Kind {
        /** The site the comment is posted on, or the article's own host. */
        SELF("xlinkself", "this site"),
        /** Code hosting, documentation, encyclopedias, science, news, public bodies, universities. */
        REFERENCE("xlinkref", "a reference"),
        /** Video and social platforms: used by readers and by channel promoters alike. */
        VIDEO("xlinkvideo", "video or social"),
        /** URL shorteners: the address is hidden. */
        SHORTENER("xlinkshort", "a shortener"),
        /**
         * A blog or profile on a platform where anyone has one (blogspot, wordpress.com, substack, medium, flickr…):
         * where readers' own writing lives, and some link spam too.
         */
        PERSONAL("xlinkpersonal", "a blog or profile"),
        /** A domain made of sales keywords, or on a top-level domain that spam favours. */
        COMMERCIAL("xlinksales", "a sales domain"),
        /** Anything else. */
        OTHER("xlinkother", "another site");

        private final String token;
        private final String description;

        Kind(String token, String description) {
            this.token = token;
            this.description = description;
        }

        /** What a link of this kind is, in words, for reasons. */
        public String description() {
            return description;
        }

        /** The token that stands for a link of this kind in the n-gram text. */
        public String token() {
            return token;
        }
    }

    private Links() {
    }

    /**
     * The kind of {@code url}, where {@code siteHosts} are the hosts of the site and article the
     * comment sits under (lower case, without {@code www.}; may be empty).
     */
    public static Kind kind(String url, Set<String> siteHosts) {
        String host = Patterns.host(url);
        if (host.isEmpty()) {
            return Kind.OTHER;
        }
        for (String site : siteHosts) {
            if (within(host, site)) {
                return Kind.SELF;
            }
        }
        if (Patterns.isShortener(url)) {
            return Kind.SHORTENER;
        }
        if (matches(host, LinkLexicon.VIDEO_HOSTS)) {
            return Kind.VIDEO;
        }
        if (matches(host, LinkLexicon.PERSONAL_HOSTS)) {
            return Kind.PERSONAL;
        }
        if (matches(host, LinkLexicon.APP_STORE_HOSTS)) {
            return Kind.OTHER;
        }
        if (matches(host, LinkLexicon.REFERENCE_HOSTS) || host.startsWith("docs.") || host.startsWith("developer.")
                || host.startsWith("developers.") || host.startsWith("doc.") || host.startsWith("wiki.") || isPublic(host)) {
            return Kind.REFERENCE;
        }
        if (isSalesDomain(host)) {
            return Kind.COMMERCIAL;
        }
        return documentationPath(url) ? Kind.REFERENCE : Kind.OTHER;
    }

    /**
     * Whether one of the first two segments of the link's path names documentation: "nix.dev/manual/…",
     * "bogleheads.org/wiki/…", "atlassian.com/git/tutorials/…", "trezor.io/learn/…". Genuine readers link there to
     * explain; in the corpus and the public sets 39 genuine links and one spam link (a vaping shop's "/guides/") have
     * such a path; so does a path that opens with a language and a release ("/en/latest/", "/de/5.0/"). A domain made
     * of sales words stays a sales domain whatever its path.
     */
    static boolean documentationPath(String url) {
        int scheme = url.indexOf("://");
        int hostEnd = scheme < 0 ? 0 : scheme + 3;
        while (hostEnd < url.length() && "/?#".indexOf(url.charAt(hostEnd)) < 0) {
            hostEnd++; // the host ends at the first of these; a query or fragment is not a path ("x.com?/docs/")
        }
        if (hostEnd >= url.length() || url.charAt(hostEnd) != '/') {
            return false;
        }
        String[] segments = url.substring(hostEnd + 1).split("[?#]", 2)[0].split("/", 3);
        for (int i = 0; i < Math.min(2, segments.length); i++) {
            if (LinkLexicon.DOCUMENTATION_SEGMENTS.contains(segments[i].toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        // a language, then a release: how Read the Docs and Sphinx sites lay out their versions ("/en/latest/", "/en/3.0.x/")
        return segments.length >= 2 && LinkLexicon.DOCUMENTATION_LANGUAGES.contains(segments[0].toLowerCase(Locale.ROOT))
                && LinkLexicon.DOCUMENTATION_RELEASE.matcher(segments[1]).matches();
    }

    /** The host of a site or article URL as {@link #kind} compares it; empty when there is none. */
    public static String siteHost(String url) {
        return url == null || url.isBlank() ? "" : Patterns.host(url.strip());
    }

    /** Whether {@code host} is {@code site} or one of its subdomains. */
    static boolean within(String host, String site) {
        return !site.isEmpty() && (host.equals(site) || host.endsWith("." + site));
    }

    private static boolean matches(String host, Set<String> hosts) {
        for (String h = host; ; ) {
            if (hosts.contains(h)) {
                return true;
            }
            int dot = h.indexOf('.');
            if (dot < 0 || h.indexOf('.', dot + 1) < 0) {
                return false; // down to the registered domain: nothing more general to try
            }
            h = h.substring(dot + 1);
        }
    }

    private static boolean isPublic(String host) {
        String[] labels = host.split("\\.");
        int n = labels.length;
        if (n >= 2 && LinkLexicon.PUBLIC_TLDS.contains(labels[n - 1])) {
            return true;
        }
        return n >= 2 && labels[n - 1].length() == 2 && LinkLexicon.PUBLIC_LABELS.contains(labels[n - 2]); // gov.uk, ac.jp
    }

    static boolean isSalesDomain(String host) {
        String[] labels = host.split("\\.");
        if (labels.length == 0) {
            return false; // a host of dots only
        }
        String tld = labels[labels.length - 1];
        if (LinkLexicon.SPAM_TLDS.contains(tld)) {
            return true;
        }
        String name = labels.length >= 2 ? labels[labels.length - 2] : labels[0];
        if (name.length() <= 3 && labels.length >= 3) {
            name = labels[labels.length - 3]; // example.co.uk
        }
        String[] parts = name.split("-");
        if (parts.length >= 4) {
            return true; // best-roofing-company-leeds
        }
        for (String part : parts) {
            if (LinkLexicon.SALES_WORDS.contains(part)) {
                return true;
            }
            for (String word : LinkLexicon.SALES_WORDS) {
                // Inside a longer word only a sales word of five letters or more counts: "cheapflightsdubai", but
                // not "smartphonefreechildhood" or "bestiary".
                if (word.length() >= 5 && part.length() > word.length() + 2 && part.contains(word)
                        && !LinkLexicon.WHOLE_PART_ONLY.contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the part of an e-mail address before the at sign names a scam or what spam sells ("rexdalton.hack",
     * "loans4u", "bitcoinrecoverypro"): one of its parts (between dots, dashes, underscores and digits) is such a word,
     * or holds one of a few long words that no name or trade contains. Shorter words count only as a whole part:
     * inside a longer one they are names and trades ("spellman", "thackeray", "specialist", "pharmacist", "essayist").
     * The words of an ordinary trade or role ("support", "service", "shop", "clinic") are left out: genuine readers
     * give such addresses ("support@…" of a company they dealt with).
     */
    public static boolean isScamMailbox(String localPart) {
        for (String part : localPart.toLowerCase(Locale.ROOT).split("[._+\\-\\d]+")) {
            if (LinkLexicon.SCAM_WORDS.contains(part)) {
                return true;
            }
            for (String stem : LinkLexicon.SCAM_STEMS) {
                if (part.length() > stem.length() && part.contains(stem)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Up to {@value #PATH_WORDS} words of a link's path, letters only and three or more of them: a sales page's
     * slug ("/best-payday-loans-online") or a channel's "user" and "channel".
     */
    public static List<String> pathWords(String url) {
        String s = url.toLowerCase(Locale.ROOT);
        int scheme = s.indexOf("://");
        int slash = s.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        List<String> words = new ArrayList<>();
        if (slash < 0) {
            return words;
        }
        for (String w : s.substring(slash + 1).split("[^a-z]+")) {
            if (w.length() >= 3 && words.size() < PATH_WORDS && !w.equals("www") && !w.equals("html") && !w.equals("php")) {
                words.add(w);
            }
        }
        return words;
    }

    static final int PATH_WORDS = 6;

    /** The words of a link's host, without {@code www} and the top-level domain: what a reader sees of it. */
    public static List<String> hostWords(String url) {
        String host = Patterns.host(url);
        List<String> words = new ArrayList<>();
        String[] labels = host.split("\\.");
        for (int i = 0; i < labels.length - 1; i++) {
            for (String w : labels[i].split("-")) {
                if (w.length() > 1 && !w.equals("www") && !(i == labels.length - 2 && w.length() <= 3 && labels.length >= 3
                        && i > 0)) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        }
        return words;
    }
}
