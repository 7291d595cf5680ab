package dev.commentguard.text;

import java.util.List;

/**
 * A comment's text before and after normalisation, with the contact details found in it.
 * Immutable and thread-safe.
 *
 * @param raw       the text as written, cut to {@link TextNormalizer#MAX_CHARS} (once, here, for every feature that
 *                  reads it: capitals, repeated characters, disguised letters)
 * @param clean     NFKC, de-obfuscated, lower-cased text with single spaces
 * @param canonical {@code clean} with links, e-mail addresses and phone numbers replaced by the
 *                  placeholder tokens {@link #URL_TOKEN}, {@link #EMAIL_TOKEN}, {@link #PHONE_TOKEN};
 *                  the text the n-gram features are taken from
 * @param urls      links found in {@code clean}
 * @param emails    e-mail addresses found in {@code clean}
 * @param phones    phone numbers found in {@code clean}
 */
public record NormalizedText(String raw, String clean, String canonical,
                             List<String> urls, List<String> emails, List<String> phones) {

    public static final String URL_TOKEN = "xurlx";
    public static final String EMAIL_TOKEN = "xemailx";
    public static final String PHONE_TOKEN = "xphonex";

    public NormalizedText {
        urls = List.copyOf(urls);
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
    }
}
