package dev.commentguard.features;

import dev.commentguard.Article;
import dev.commentguard.Comment;
import dev.commentguard.text.NormalizedText;
import dev.commentguard.text.Patterns;
import dev.commentguard.text.PhoneNumbers;
import dev.commentguard.text.TextNormalizer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The contact details of a comment read in its context (feature version 2): each link by what it
 * points to, the phone numbers that are phone numbers (outside code and logs), the e-mail addresses
 * not on the site's own domain, and the text the n-grams are taken from, where each detail is
 * replaced by a token that says what it is. Immutable.
 *
 * @param links          the kind of each link, in order
 * @param linkTexts      each link as written (without the punctuation after it), in the same order: found after the
 *                       e-mail addresses are masked, so that an address's local part ("customer.info@…") is not one
 * @param phones         the valid phone numbers outside code and log lines
 * @param externalEmails e-mail addresses not on the site's domain
 * @param codeShare      how much of the comment is code, logs or program output, in [0, 1]
 * @param markedText     the clean text with links, e-mail addresses and public-service numbers replaced by tokens,
 *                       and phone numbers marked by one; then the author's web site as tokens, when there is one
 * @param raw            the comment's text as written, cut to {@link TextNormalizer#MAX_CHARS}
 * @param authorKind     the kind of link the author's web site is, null when the author gives none
 */
public record Contacts(List<Links.Kind> links, List<String> linkTexts, List<PhoneNumbers.Found> phones, int externalEmails, double codeShare,
                       String markedText, String raw, Links.Kind authorKind) {

    /** What starts the author's web site in {@link #markedText}, followed by the kind of link it is. */
    public static final String AUTHOR_URL_TOKEN = "xauthorurl";

    /** What a public-service number (a helpline's, an emergency number) becomes in {@link #markedText}. */
    public static final String SERVICE_NUMBER_TOKEN = "xservicenumberx";

    public Contacts {
        links = List.copyOf(links);
        linkTexts = List.copyOf(linkTexts);
        phones = List.copyOf(phones);
    }

    /** Reads the contact details of {@code comment}, whose text normalises to {@code text}. */
    public static Contacts of(Comment comment, NormalizedText text) {
        Set<String> siteHosts = new LinkedHashSet<>();
        Article article = comment.article();
        // A comment that gives no site or permalink of its own is posted on its article's (Article's contract).
        String postedOn = comment.site().isEmpty() && article != null ? article.site() : comment.site();
        String postedUnder = comment.permalink().isEmpty() && article != null ? article.permalink() : comment.permalink();
        for (String url : new String[] {postedOn, postedUnder}) {
            String host = Links.siteHost(url);
            if (!host.isEmpty()) {
                siteHosts.add(host);
            }
        }
        double code = CodeDetector.share(comment.text());
        List<PhoneNumbers.Found> phones = text.phones().isEmpty() ? List.of()
                : PhoneNumbers.find(code > 0 ? TextNormalizer.clean(CodeDetector.withoutCode(comment.text())) : text.clean());
        int external = 0;
        for (String email : text.emails()) {
            String domain = email.substring(email.indexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
            boolean own = false;
            for (String site : siteHosts) {
                own |= Links.within(domain, site) || Links.within(site, domain);
            }
            if (!own) {
                external++;
            }
        }
        List<Links.Kind> kinds = new ArrayList<>(text.urls().size());
        List<String> texts = new ArrayList<>(text.urls().size());
        String marked = text.clean();
        List<String> services = PhoneNumbers.serviceNumbers(text.clean());
        if (!text.urls().isEmpty() || !text.emails().isEmpty() || !phones.isEmpty() || !services.isEmpty()) {
            marked = mark(text.clean(), siteHosts, phones, services, kinds, texts);
        }
        String raw = text.raw();
        Links.Kind authorKind = comment.authorUrl().isBlank() ? null : Links.kind(comment.authorUrl().strip(), siteHosts);
        if (authorKind != null) {
            marked = marked + " " + authorTokens(comment.authorUrl().strip(), authorKind);
        }
        return new Contacts(kinds, texts, phones, external, code, marked, raw, authorKind);
    }

    /**
     * What the author's web site adds to the n-gram text: a token for the author's site, the kind of link it is and,
     * for a domain that is neither a reference nor a platform, the words of its name ("best roofing leeds").
     */
    private static String authorTokens(String url, Links.Kind kind) {
        StringBuilder out = new StringBuilder(AUTHOR_URL_TOKEN).append(' ').append(kind.token());
        if (kind == Links.Kind.COMMERCIAL || kind == Links.Kind.OTHER) {
            for (String w : Links.hostWords(url)) {
                out.append(' ').append(w);
            }
        }
        return out.toString();
    }

    /** Whether the author's web site is the site's own (its staff answering). */
    public boolean authorOnSite() {
        return authorKind == Links.Kind.SELF;
    }

    /** Replaces e-mail addresses, links and valid phone numbers by tokens, collecting the links' kinds and texts. */
    private static String mark(String clean, Set<String> siteHosts, List<PhoneNumbers.Found> phones, List<String> services,
                               List<Links.Kind> kinds, List<String> texts) {
        String s = clean;
        if (s.indexOf('@') >= 0) {
            s = Patterns.EMAIL.matcher(s).replaceAll(" " + NormalizedText.EMAIL_TOKEN + " ");
        }
        StringBuilder out = new StringBuilder(s.length());
        Matcher m = Patterns.URL.matcher(s);
        int last = 0;
        while (Patterns.mayHoldUrl(s) && m.find()) {
            String url = m.group();
            if (url.equals(NormalizedText.EMAIL_TOKEN)) {
                continue;
            }
            Links.Kind kind = Links.kind(url, siteHosts);
            kinds.add(kind);
            texts.add(Patterns.withoutTrailingPunctuation(url));
            out.append(s, last, m.start()).append(' ').append(NormalizedText.URL_TOKEN).append(' ').append(kind.token());
            if (kind == Links.Kind.COMMERCIAL || kind == Links.Kind.OTHER) {
                for (String w : Links.hostWords(url)) {
                    out.append(' ').append(w); // a sales domain's words are its message
                }
            }
            if (kind == Links.Kind.COMMERCIAL || kind == Links.Kind.OTHER || kind == Links.Kind.VIDEO) {
                for (String w : Links.pathWords(url)) {
                    out.append(' ').append(w); // so is its page's slug, or a channel's "user" or "channel"
                }
            }
            out.append(' ');
            last = m.end();
        }
        out.append(s, last, s.length());
        String marked = out.toString();
        Set<String> distinct = new LinkedHashSet<>();
        for (PhoneNumbers.Found phone : phones) {
            distinct.add(phone.text());
        }
        for (String phone : distinct) {
            // The token says a phone number is there; the digits stay, since a plan's prefixes (premium
            // 09xx, toll-free 1-8xx) carry evidence of their own (docs/benchmarks.md). Each number once: a
            // replace marks every copy of it, and a second pass would mark each copy again, the text growing as
            // the square of the copies (a comment repeating one number took seconds and gigabytes).
            marked = marked.replace(phone, " " + NormalizedText.PHONE_TOKEN + " " + phone + " ");
        }
        for (String service : services) {
            // A helpline's or emergency number's digits say nothing about spam: one token for them all.
            marked = marked.replace(service, " " + SERVICE_NUMBER_TOKEN + " ");
        }
        return marked.replaceAll(" {2,}", " ").strip();
    }
}
