package dev.commentguard.text;

/**
 * Folds the Cyrillic and Greek letters that look like Latin ones onto their Latin twins, the trick
 * behind "Cаll nоw" written with Cyrillic а and о. Stateless and thread-safe.
 */
final class Confusables {

    private static final String FROM =
            "АВЕЅІЈКМНОРСТХУаеіјорсхуѕԁһԛѵԝҮӀ" // Cyrillic
                    + "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαοτυνικρχ";      // Greek
    private static final String TO =
            "ABESIJKMHOPCTXYaeijopcxysdhqvwYI"
                    + "ABEZHIKMNOPTYXaotuvikpx";

    static {
        if (FROM.length() != TO.length()) {
            throw new AssertionError("confusable tables differ in length");
        }
    }

    private Confusables() {
    }

    static String fold(String s) {
        char[] chars = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x370) {
                continue;
            }
            int k = FROM.indexOf(c);
            if (k >= 0) {
                if (chars == null) {
                    chars = s.toCharArray();
                }
                chars[i] = TO.charAt(k);
            }
        }
        return chars == null ? s : new String(chars);
    }
}
