package dev.commentguard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes obfuscated variants of spam the way spammers do, to measure how well normalisation holds up.
 * Each {@link Trick} rewrites a text; {@link #variants} applies each trick alone and random combinations.
 * Deterministic for a given seed.
 */
public final class Obfuscator {

    /** One disguise. */
    public enum Trick {
        /** Latin letters swapped for Cyrillic and Greek look-alikes. */
        CONFUSABLES(Obfuscator::confusables),
        /** Zero-width spaces and joiners inside words. */
        ZERO_WIDTH(Obfuscator::zeroWidth),
        /** Digits standing for letters: "fr33", "c4ll". */
        LEET(Obfuscator::leet),
        /** Key words spaced or dotted apart: "c a l l", "w.h.a.t.s.a.p.p". */
        SPACED_LETTERS(Obfuscator::spacedLetters),
        /** Links written out: "example dot com", "example[.]com", "hxxp". */
        OBFUSCATED_LINKS(Obfuscator::obfuscatedLinks),
        /** Links wrapped in HTML or BBCode anchors. */
        MARKUP_LINKS(Obfuscator::markupLinks),
        /** Full-width digits and letters. */
        FULL_WIDTH(Obfuscator::fullWidth),
        /** Phone numbers with their digits spaced apart. */
        SPACED_DIGITS(Obfuscator::spacedDigits);

        private final BiFunction<String, Random, String> apply;

        Trick(BiFunction<String, Random, String> apply) {
            this.apply = apply;
        }

        public String apply(String text, Random random) {
            return apply.apply(text, random);
        }
    }

    /** A variant with the tricks that made it. */
    public record Variant(int original, String text, List<Trick> tricks) {
    }

    private Obfuscator() {
    }

    /**
     * For every text, {@code perText} variants: the first ones cycle through the tricks alone, the rest
     * combine two to four random tricks. Variants that no trick could change are left out.
     */
    public static List<Variant> variants(List<String> texts, int perText, long seed) {
        Random random = new Random(seed);
        Trick[] tricks = Trick.values();
        List<Variant> out = new ArrayList<>();
        int single = 0;
        for (int i = 0; i < texts.size(); i++) {
            for (int k = 0; k < perText; k++) {
                List<Trick> chosen = new ArrayList<>();
                if (k == 0) {
                    chosen.add(tricks[single++ % tricks.length]);
                } else {
                    int n = 2 + random.nextInt(3);
                    while (chosen.size() < n) {
                        Trick t = tricks[random.nextInt(tricks.length)];
                        if (!chosen.contains(t)) {
                            chosen.add(t);
                        }
                    }
                }
                String text = texts.get(i);
                for (Trick t : chosen) {
                    text = t.apply(text, random);
                }
                if (!text.equals(texts.get(i))) {
                    out.add(new Variant(i, text, List.copyOf(chosen)));
                }
            }
        }
        return out;
    }

    private static final String LATIN = "aceopxyABCEHKMOPTX";
    private static final String LOOKALIKE = "асеорхуАВСЕНКМОРТХ";

    static String confusables(String s, Random r) {
        StringBuilder b = new StringBuilder(s);
        for (int i = 0; i < b.length(); i++) {
            int k = LATIN.indexOf(b.charAt(i));
            if (k >= 0 && r.nextInt(2) == 0) {
                b.setCharAt(i, LOOKALIKE.charAt(k));
            }
        }
        return b.toString();
    }

    static String zeroWidth(String s, Random r) {
        String[] marks = {"\u200B", "\u200C", "\u200D", "\u2060", "\u00AD"};
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            b.append(s.charAt(i));
            if (Character.isLetter(s.charAt(i)) && i + 1 < s.length() && Character.isLetter(s.charAt(i + 1)) && r.nextInt(4) == 0) {
                b.append(marks[r.nextInt(marks.length)]);
            }
        }
        return b.toString();
    }

    static String leet(String s, Random r) {
        StringBuilder b = new StringBuilder(s);
        String from = "oeasit";
        String to = "034517";
        for (int i = 1; i < b.length() - 1; i++) {
            int k = from.indexOf(b.charAt(i));
            // Only inside words, so that the result still reads as a word to people.
            if (k >= 0 && Character.isLetter(b.charAt(i - 1)) && Character.isLetter(b.charAt(i + 1)) && r.nextInt(3) == 0) {
                b.setCharAt(i, to.charAt(k));
            }
        }
        return b.toString();
    }

    private static final Pattern KEY_WORD = Pattern.compile(
            "(?i)\\b(call|whatsapp|telegram|contact|visit|free|loan|loans|cash|money|casino|bonus|order|click|email|text|win|prize|earn|dm|shop|buy|cheap|discount|offer)\\b");

    static String spacedLetters(String s, Random r) {
        String sep = r.nextBoolean() ? " " : ".";
        Matcher m = KEY_WORD.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(String.join(sep, m.group().split(""))));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static final Pattern DOMAIN = Pattern.compile("(?i)\\b(https?://)?((?:www\\.)?[a-z0-9-]+)\\.(com|net|org|info|co|io|shop|xyz|site|online|store|biz|in|pk|uk|ng|me)\\b");

    static String obfuscatedLinks(String s, Random r) {
        Matcher m = DOMAIN.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String scheme = m.group(1) == null ? "" : m.group(1).replace("http", "hxxp");
            String dot = switch (r.nextInt(3)) {
                case 0 -> " dot ";
                case 1 -> "[.]";
                default -> "(.)";
            };
            m.appendReplacement(b, Matcher.quoteReplacement(scheme + m.group(2) + dot + m.group(3)));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"]+");

    static String markupLinks(String s, Random r) {
        Matcher m = LINK.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String url = m.group();
            String anchor = r.nextBoolean() ? "click here" : "best offer";
            m.appendReplacement(b, Matcher.quoteReplacement(r.nextBoolean()
                    ? "<a href=\"" + url + "\">" + anchor + "</a>" : "[url=" + url + "]" + anchor + "[/url]"));
        }
        m.appendTail(b);
        return b.toString();
    }

    static String fullWidth(String s, Random r) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ascii = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            b.append(ascii && r.nextInt(3) > 0 ? (char) (c - 0x20 + 0xFF00) : c);
        }
        return b.toString();
    }

    private static final Pattern NUMBER = Pattern.compile("\\+?\\d[\\d ()-]{6,}\\d");

    static String spacedDigits(String s, Random r) {
        Matcher m = NUMBER.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String digits = m.group().replaceAll("[^\\d+]", "");
            m.appendReplacement(b, Matcher.quoteReplacement(String.join(r.nextBoolean() ? " " : "-", digits.split(""))));
        }
        m.appendTail(b);
        return b.toString();
    }
}
