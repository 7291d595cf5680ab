package dev.commentguard.features;

import java.util.Set;

/**
 * The hosts, domains and words by which {@link Links} reads what a link points to. Kept apart from the rules that
 * use them so that the lists can grow without the rules growing with them.
 */
final class LinkLexicon {

    private LinkLexicon() {
    }

    /** Hosts (and their subdomains) that readers cite: code, documentation, reference, science and news. */
    static final Set<String> REFERENCE_HOSTS = Set.of(
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
            "maps.google.com", "reddit.com", "news.ycombinator.com", "etherscan.io", "sec.gov", "fca.org.uk",
            // health and money references whose names hold a sales word ("clinic", "invest", "credit")
            "mayoclinic.org", "clevelandclinic.org", "webmd.com", "investopedia.com", "annualcreditreport.com");

    static final Set<String> VIDEO_HOSTS = Set.of("youtube.com", "youtu.be", "m.youtube.com", "vimeo.com",
            "twitch.tv", "tiktok.com", "instagram.com", "facebook.com", "fb.com", "twitter.com", "x.com", "t.me",
            "soundcloud.com", "spotify.com", "dailymotion.com", "pinterest.com", "linkedin.com", "mastodon.social");

    /**
     * App stores: a link to one app's page promotes that app (often the commenter's own), whatever the store's
     * owner is a reference for elsewhere (google.com, apple.com, microsoft.com).
     */
    static final Set<String> APP_STORE_HOSTS = Set.of("play.google.com", "apps.apple.com", "itunes.apple.com",
            "chrome.google.com", "chromewebstore.google.com", "apps.microsoft.com", "appgallery.huawei.com");

    /** Platforms of personal blogs and profiles. */
    static final Set<String> PERSONAL_HOSTS = Set.of("blogspot.com", "blogger.com", "wordpress.com", "substack.com",
            "medium.com", "tumblr.com", "wixsite.com", "weebly.com", "squarespace.com", "ghost.io", "livejournal.com",
            "flickr.com", "goodreads.com", "letterboxd.com", "strava.com", "bsky.app", "about.me", "deviantart.com",
            "behance.net", "dribbble.com", "neocities.org", "micro.blog", "write.as", "hashnode.dev", "dev.to", "gitlab.io",
            "netlify.app", "pages.dev", "codepen.io", "itch.io", "bandcamp.com", "patreon.com", "ko-fi.com", "buymeacoffee.com");

    /** Second-level labels under which public bodies and universities sit (gov.uk, ac.uk, edu.au, gob.mx, …). */
    static final Set<String> PUBLIC_LABELS = Set.of("gov", "gouv", "gob", "govt", "go", "ac", "edu", "mil",
            "nhs", "police", "parliament", "gv");

    /** Top-level domains of public bodies and universities. */
    static final Set<String> PUBLIC_TLDS = Set.of("gov", "edu", "mil", "int");

    /** The sales words that name a scam or what spam sells, not an ordinary trade or role ({@link Links#isScamMailbox}). */
    static final Set<String> SCAM_WORDS = Set.of("casino", "bet", "betting", "slot", "slots", "poker", "loan",
            "loans", "payday", "pharma", "pharmacy", "pills", "meds", "viagra", "cialis", "seo", "backlink", "backlinks",
            "escort", "escorts", "dating", "replica", "essay", "essays", "assignment", "homework", "crypto", "forex",
            "bitcoin", "hack", "hacker", "recovery", "spell", "spells", "followers", "likes", "keto", "weightloss",
            "supplement", "gummies", "cbd", "vape");

    /** Words of {@link #SCAM_WORDS} long and odd enough to count inside a longer part of an address. */
    static final Set<String> SCAM_STEMS = Set.of("recovery", "bitcoin", "casino", "viagra", "backlink", "homework",
            "payday", "weightloss", "gummies", "followers");

    /** Top-level domains that spam favours far beyond their share of the web. */
    static final Set<String> SPAM_TLDS = Set.of("xyz", "top", "click", "online", "site", "shop", "store", "loan",
            "loans", "bet", "casino", "win", "vip", "live", "icu", "buzz", "work", "fun", "monster", "cyou", "rest",
            "bond", "sbs", "cfd", "pw", "gq", "tk", "ml", "cf", "ga", "best", "deals", "sale", "money", "cash");

    /** Words that make a domain name an advertisement ("best-cheap-flights-dubai.com"). */
    static final Set<String> SALES_WORDS = Set.of("cheap", "best", "buy", "shop", "store", "deal", "deals",
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
            "singles", "hookup", "affair", "affairs", "flirt", "detox", "relief", "miracle", "herbal", "slim",
            "helpdesk", "setup",
            // the same in the corpus's other languages: offers, discounts, cheap, buy, shop, loans, betting (German,
            // Spanish, Portuguese, French, Italian, Dutch, Polish, Turkish, Indonesian, Russian in Latin letters)
            "angebot", "angebote", "rabatt", "billig", "guenstig", "gunstig", "kaufen", "gutschein", "oferta",
            "ofertas", "barato", "baratos", "barata", "descuento", "descuentos", "comprar", "tienda", "prestamo",
            "prestamos", "apuestas", "promocao", "promocoes", "desconto", "descontos", "emprestimo", "soldes",
            "rabais", "remise", "pascher", "sconto", "sconti", "offerta", "offerte", "negozio", "prestiti", "korting",
            "aanbieding", "aanbiedingen", "goedkoop", "okazja", "okazje", "promocja", "promocje", "tanio", "tanie",
            "sklep", "pozyczka", "pozyczki", "kredyt", "kredit", "kredi", "credito", "indirim", "ucuz", "bahis",
            "murah", "diskon", "jual", "pinjaman", "skidka", "skidki", "deshevo", "kupit", "cashback");

    /**
     * Words of {@link #SALES_WORDS} that count only as a whole part of a domain, never inside a longer one: inside
     * one they name good causes, journals and charts ("foreignaffairs", "comicrelief", "reclaimthenet",
     * "officialcharts", "lotterygoodcauses", "miraclefeet", "herbalgram").
     */
    static final Set<String> WHOLE_PART_ONLY = Set.of("affair", "affairs", "relief", "miracle", "official", "claim",
            "herbal", "lotto", "lottery", "singles", "offers", "reward", "rewards",
            // inside a longer word they are places, studies and good causes: "premises", "Mauritanie", "akkreditierung",
            // "Billigheim", "afkortingen", "freizeitangebote", "contienda", "barataria", "kemurahan", "soldesign",
            // "ofertaeducativa", "bankkredytowy", "begunstigde"
            "remise", "tanie", "tanio", "kredit", "kredi", "credito", "billig", "korting", "angebot", "angebote", "tienda",
            "barata", "murah", "soldes", "offerta", "oferta", "promocja", "promocao", "kredyt", "gunstig");


    /** Path segments under which a site keeps its documentation, manuals, guides or wiki. */
    static final Set<String> DOCUMENTATION_SEGMENTS = Set.of("docs", "doc", "documentation", "manual", "guides",
            "wiki", "reference", "tutorial", "tutorials", "handbook", "learn");

    /** Languages that versioned documentation opens its paths with ("/en/latest/"). */
    static final Set<String> DOCUMENTATION_LANGUAGES = Set.of("en", "de", "fr", "es", "it", "pt", "pt-br", "nl", "pl", "ru",
            "ja", "zh", "zh-cn", "ko", "tr");

    /**
     * A release in a documentation path: a named one or a short version ("3.0.x", "v2", "5.0"), never a year or an id.
     * The normaliser drops the dots between digits ("3.0.x" reaches {@link Links} as "30x"), so a release of up to three
     * digits without them counts too.
     */
    static final java.util.regex.Pattern DOCUMENTATION_RELEASE = java.util.regex.Pattern.compile(
            "(?i)latest|stable|dev|devel|master|main|current|v?\\d{1,2}(?:\\.\\d{1,3}){1,2}(?:\\.x)?|v?\\d{1,3}x?");
}
