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

    /** Hosts (and their subdomains) that readers cite: code, documentation, reference, science and news. */
    private static final Set<String> REFERENCE_HOSTS = Set.of(
            "github.com", "gist.github.com", "github.io", "githubusercontent.com", "gitlab.com", "bitbucket.org", "codeberg.org",
            "sourceforge.net", "sr.ht", "stackoverflow.com", "stackexchange.com", "superuser.com", "serverfault.com",
            "askubuntu.com", "mathoverflow.net", "python.org", "pypi.org", "readthedocs.io", "readthedocs.org", "npmjs.com",
            "nodejs.org", "mozilla.org", "w3.org", "whatwg.org", "kernel.org", "debian.org", "ubuntu.com", "archlinux.org",
            "fedoraproject.org", "apache.org", "docker.com", "kubernetes.io", "rust-lang.org", "golang.org", "go.dev",
            "oracle.com", "java.com", "microsoft.com", "learn.microsoft.com", "apple.com", "android.com", "gnu.org",
            "postgresql.org", "sqlite.org", "mysql.com", "php.net", "ruby-lang.org", "crates.io", "maven.apache.org",
            "wikipedia.org", "wikimedia.org", "wiktionary.org", "wikidata.org", "wikisource.org", "archive.org",
            "arxiv.org", "doi.org", "ncbi.nlm.nih.gov", "nih.gov", "pubmed.gov", "nature.com", "science.org",
            "sciencedirect.com", "springer.com", "wiley.com", "thelancet.com", "bmj.com", "nejm.org", "plos.org",
            "researchgate.net", "jstor.org", "who.int", "un.org", "europa.eu", "nhs.uk", "cdc.gov", "nasa.gov", "esa.int",
            "bbc.co.uk", "bbc.com", "reuters.com", "apnews.com", "theguardian.com", "nytimes.com", "washingtonpost.com",
            "ft.com", "economist.com", "bloomberg.com", "aljazeera.com", "npr.org", "cnn.com", "spiegel.de", "zeit.de",
            "heise.de", "faz.net", "sueddeutsche.de", "tagesschau.de", "lemonde.fr", "elpais.com", "corriere.it",
            "nos.nl", "lwn.net", "arstechnica.com", "theverge.com", "imdb.com", "openstreetmap.org", "google.com",
            "maps.google.com", "reddit.com", "news.ycombinator.com", "etherscan.io", "sec.gov", "fca.org.uk");

    private static final Set<String> VIDEO_HOSTS = Set.of("youtube.com", "youtu.be", "m.youtube.com", "vimeo.com",
            "twitch.tv", "tiktok.com", "instagram.com", "facebook.com", "fb.com", "twitter.com", "x.com", "t.me",
            "soundcloud.com", "spotify.com", "dailymotion.com", "pinterest.com", "linkedin.com", "mastodon.social");

    /**
     * App stores: a link to one app's page promotes that app (often the commenter's own), whatever the store's
     * owner is a reference for elsewhere (google.com, apple.com, microsoft.com).
     */
    private static final Set<String> APP_STORE_HOSTS = Set.of("play.google.com", "apps.apple.com", "itunes.apple.com",
            "chrome.google.com", "chromewebstore.google.com", "apps.microsoft.com", "appgallery.huawei.com");

    /** Platforms of personal blogs and profiles. */
    private static final Set<String> PERSONAL_HOSTS = Set.of("blogspot.com", "blogger.com", "wordpress.com", "substack.com",
            "medium.com", "tumblr.com", "wixsite.com", "weebly.com", "squarespace.com", "ghost.io", "livejournal.com",
            "flickr.com", "goodreads.com", "letterboxd.com", "strava.com", "bsky.app", "about.me", "deviantart.com",
            "behance.net", "dribbble.com", "neocities.org", "micro.blog", "write.as", "hashnode.dev", "dev.to", "gitlab.io",
            "netlify.app", "pages.dev", "codepen.io", "itch.io", "bandcamp.com", "patreon.com", "ko-fi.com", "buymeacoffee.com");

    /** Second-level labels under which public bodies and universities sit (gov.uk, ac.uk, edu.au, gob.mx, …). */
    private static final Set<String> PUBLIC_LABELS = Set.of("gov", "gouv", "gob", "govt", "go", "ac", "edu", "mil",
            "nhs", "police", "parliament", "gv");

    /** Top-level domains of public bodies and universities. */
    private static final Set<String> PUBLIC_TLDS = Set.of("gov", "edu", "mil", "int");

    /** The sales words that name a scam or what spam sells, not an ordinary trade or role ({@link #isScamMailbox}). */
    private static final Set<String> SCAM_WORDS = Set.of("casino", "bet", "betting", "slot", "slots", "poker", "loan",
            "loans", "payday", "pharma", "pharmacy", "pills", "meds", "viagra", "cialis", "seo", "backlink", "backlinks",
            "escort", "escorts", "dating", "replica", "essay", "essays", "assignment", "homework", "crypto", "forex",
            "bitcoin", "hack", "hacker", "recovery", "spell", "spells", "followers", "likes", "keto", "weightloss",
            "supplement", "gummies", "cbd", "vape");

    /** Words of {@link #SCAM_WORDS} long and odd enough to count inside a longer part of an address. */
    private static final Set<String> SCAM_STEMS = Set.of("recovery", "bitcoin", "casino", "viagra", "backlink", "homework",
            "payday", "weightloss", "gummies", "followers");

    /** Top-level domains that spam favours far beyond their share of the web. */
    private static final Set<String> SPAM_TLDS = Set.of("xyz", "top", "click", "online", "site", "shop", "store", "loan",
            "loans", "bet", "casino", "win", "vip", "live", "icu", "buzz", "work", "fun", "monster", "cyou", "rest",
            "bond", "sbs", "cfd", "pw", "gq", "tk", "ml", "cf", "ga", "best", "deals", "sale", "money", "cash");

    /** Words that make a domain name an advertisement ("best-cheap-flights-dubai.com"). */
    private static final Set<String> SALES_WORDS = Set.of("cheap", "best", "buy", "shop", "store", "deal", "deals",
            "discount", "sale", "casino", "bet", "betting", "slot", "slots", "poker", "loan", "loans", "credit", "payday",
            "pharma", "pharmacy", "pills", "meds", "viagra", "cialis", "seo", "backlink", "backlinks", "escort", "escorts",
            "dating", "replica", "essay", "essays", "assignment", "homework", "crypto", "forex", "invest", "trading",
            "trader", "bitcoin", "hack", "hacker", "recovery", "spell", "spells", "plumber", "plumbing", "repair", "roofing",
            "movers", "cleaning", "service", "services", "support", "helpline", "agency", "marketing", "followers", "likes",
            "keto", "diet", "weightloss", "supplement", "gummies", "online", "free", "top", "cbd", "vape", "insurance",
            "lawyer", "attorney", "dentist", "clinic", "visa", "tours", "rental", "rentals", "solar", "coupon", "promo",
            // prizes, giveaways and brand look-alikes ("amazon30-survey", "starbucks-freeyear", "ketoburnx-official")
            "bonus", "official", "claim", "offer", "offers", "gift", "gifts", "reward", "rewards", "winner",
            "voucher", "vouchers", "freebie", "sweeps", "lotto", "lottery", "refund",
            // dating, remedies and help-desk look-alikes
            "singles", "hookup", "affair", "affairs", "flirt", "detox", "cure", "relief", "miracle", "herbal", "slim",
            "helpdesk", "setup");

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
        if (matches(host, VIDEO_HOSTS)) {
            return Kind.VIDEO;
        }
        if (matches(host, PERSONAL_HOSTS)) {
            return Kind.PERSONAL;
        }
        if (matches(host, APP_STORE_HOSTS)) {
            return Kind.OTHER;
        }
        if (matches(host, REFERENCE_HOSTS) || host.startsWith("docs.") || host.startsWith("developer.")
                || host.startsWith("developers.") || host.startsWith("doc.") || host.startsWith("wiki.") || isPublic(host)) {
            return Kind.REFERENCE;
        }
        return isSalesDomain(host) ? Kind.COMMERCIAL : Kind.OTHER;
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
        if (n >= 2 && PUBLIC_TLDS.contains(labels[n - 1])) {
            return true;
        }
        return n >= 2 && labels[n - 1].length() == 2 && PUBLIC_LABELS.contains(labels[n - 2]); // gov.uk, ac.jp
    }

    static boolean isSalesDomain(String host) {
        String[] labels = host.split("\\.");
        if (labels.length == 0) {
            return false; // a host of dots only
        }
        String tld = labels[labels.length - 1];
        if (SPAM_TLDS.contains(tld)) {
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
            if (SALES_WORDS.contains(part)) {
                return true;
            }
            for (String word : SALES_WORDS) {
                // Inside a longer word only a sales word of five letters or more counts: "cheapflightsdubai", but
                // not "smartphonefreechildhood" or "bestiary".
                if (word.length() >= 5 && part.length() > word.length() + 2 && part.contains(word)) {
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
            if (SCAM_WORDS.contains(part)) {
                return true;
            }
            for (String stem : SCAM_STEMS) {
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
