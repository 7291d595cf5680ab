package dev.commentguard.text;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.ShortNumberInfo;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells real phone numbers from the other numbers readers write (versions, measurements, counts, log
 * output), with Google's libphonenumber: a candidate of {@link Patterns#phoneNumbers} counts only when
 * it is a valid number of its own country code (written with {@code +} or {@code 00}) or of one of
 * the {@link #REGIONS} whose numbering plans spam commonly uses. Thread-safe: libphonenumber's
 * {@link PhoneNumberUtil} is.
 */
public final class PhoneNumbers {

    /** What kind of line a valid number is. */
    public enum Type {
        /** Free to the caller (0800, 1-800, …): the tech-support and loan scams' favourite, and helplines'. */
        TOLL_FREE,
        /** Premium rate or shared cost. */
        PREMIUM,
        /** Any other valid number: mobile, fixed line, VoIP. */
        OTHER
    }

    /** A valid number found in a text. */
    public record Found(String text, Type type) {
    }

    /**
     * Regions tried for numbers written without a country code: where most comment spam's numbers are
     * from, and the large English-, Spanish-, Portuguese- and German-speaking plans. The United States'
     * plan stands for Canada's too.
     */
    static final List<String> REGIONS = List.of("US", "GB", "IN", "PK", "NG", "AU", "KE", "PH", "ZA", "AE", "DE", "FR",
            "ES", "IT", "NL", "BR", "MX", "ID", "MY", "BD", "TR", "PL", "RU", "SA", "EG", "GH", "IE", "NZ", "SG");

    /** Plans whose fictional ranges people write in national format. */
    private static final List<String> FICTION_REGIONS = List.of("GB", "US");

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The valid phone numbers among the phone-like runs of {@code text} (normalised text). */
    public static List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        int from = 0;
        for (String candidate : Patterns.phoneNumbers(text)) {
            int at = Math.max(from, text.indexOf(candidate, from));
            from = at + candidate.length();
            if (!candidate.startsWith("+") && !candidate.startsWith("00") && partOfSomethingElse(text, at, from)) {
                continue;
            }
            Type type = validate(candidate, dialledBefore(text, at));
            if (type != null) {
                found.add(new Found(candidate, type));
            }
        }
        return found;
    }

    /**
     * Whether the number at {@code [start, end)} of {@code text} is a piece of something else: of an identifier or
     * a key's value, joined by {@code - _ = #} to the letter or digit before it ("acp-14-2987-2014", "g30-2026-11-4471",
     * "rows=1999999"; not "call:-0803…", and not a link's {@code phone=}), or a date or hour run on into a time
     * ("2026-12-06 15:41:00").
     */
    private static boolean partOfSomethingElse(String text, int start, int end) {
        if (start > 1 && "-_=#".indexOf(text.charAt(start - 1)) >= 0 && Character.isLetterOrDigit(text.charAt(start - 2))
                && !PHONE_KEY.matcher(text.substring(Math.max(0, start - 12), start)).find()) {
            return true;
        }
        return end + 1 < text.length() && text.charAt(end) == ':' && Character.isDigit(text.charAt(end + 1));
    }

    /** A link's or form's key for a phone number: {@code phone=}, {@code tel=}, {@code number=}. */
    private static final Pattern PHONE_KEY = Pattern.compile("(?:phone|tel|number|mobile|whatsapp)=$");

    /**
     * A run of three digits, or two groups of three (116 123), standing alone: not part of a price, a
     * decimal, a date, a version or a longer number.
     */
    private static final Pattern SHORT_CANDIDATE = Pattern.compile(
            "(?<![\\p{Sc}\\w.,/:+*#(\\p{Pd}])(?<![\\d\\p{Pd}*#(]\\s)(\\d{3}(?: ?\\d{3})?)(?![\\w/%)*#]|[.,:\\p{Pd}]\\d|\\s[\\d\\p{Pd}(])");

    /** Words that say the number after them is dialled (in the corpus's languages), up to three words back. */
    private static final Pattern DIALLED = Pattern.compile("\\b(?:call|calls|called|calling|ring|rang|ringing|dial|dialled|"
            + "dialed|dialling|dialing|phone|phoned|text|texting|sms|tel|whatsapp|helpline|hotline|emergency|"
            + "emergencies|urgence|urgences|urgencia|urgencias|emergencia|notruf|anrufen|ruf|ruft|llama|llamar|llame|"
            + "llamad|marca|marcar|appelez|appeler|appelle|composez|chiama|chiamate|chiamare|bel|bellen|zadzwoń|zadzwońcie|"
            + "dzwoń|numer|número|numéro|nummer|telefon|teléfono|telefone|ligue|ligar|liga|hubungi|telepon|ara|arayın)"
            + "\\W+(?:\\w+\\W+){0,2}$", Pattern.UNICODE_CHARACTER_CLASS);

    private static final ShortNumberInfo SHORT = ShortNumberInfo.getInstance();

    /**
     * The public-service numbers in a clean text: emergency numbers (999, 112, 911) and free short numbers
     * (Samaritans' 116 123, the US 988), by libphonenumber's short-number plans of the {@link #REGIONS}. A
     * number of the European 116 range counts wherever it stands; any other only after a word that says it
     * is dialled ("call", "ring", "helpline", "112 anrufen" does not count, "zadzwoń na 112" does), since
     * 999, 911 and 100 are prices, cars and counts far more often than they are numbers to call.
     * Helplines are not a spam signal on their own (docs/benchmarks.md).
     */
    public static List<String> serviceNumbers(String clean) {
        if (Patterns.asciiDigits(clean) < 3) {
            return List.of(); // most comments: no number to look for, and no pattern run over them
        }
        List<String> found = new ArrayList<>();
        Matcher m = SHORT_CANDIDATE.matcher(clean);
        while (m.find()) {
            String digits = m.group(1).replace(" ", "");
            boolean european = digits.length() == 6 && digits.startsWith("116");
            if (!european && !dialledBefore(clean, m.start())) {
                continue;
            }
            for (String region : REGIONS) {
                if (isFreeShortNumber(digits, region)) {
                    found.add(m.group(1));
                    break;
                }
            }
        }
        return found;
    }

    private static boolean isFreeShortNumber(String digits, String region) {
        PhoneNumber n = parse(digits, region);
        return n != null && SHORT.isValidShortNumberForRegion(n, region)
                && SHORT.getExpectedCostForRegion(n, region) == ShortNumberInfo.ShortNumberCost.TOLL_FREE;
    }

    /** Whether a word of {@link #DIALLED} stands in the few words before position {@code at} of {@code text}. */
    private static boolean dialledBefore(String text, int at) {
        return DIALLED.matcher(text.substring(Math.max(0, at - 60), at)).find();
    }

    /**
     * The type of the number if {@code candidate} is a valid phone number, else {@code null}; {@code dialled} when
     * a word before the candidate says that it is dialled ("zadzwoń 733 555 018", "call 0 3 0 1 …"), and a number
     * of nine digits without a trunk prefix then counts too.
     */
    static Type validate(String candidate, boolean dialled) {
        String s = candidate.strip();
        if (s.startsWith("00")) {
            s = "+" + s.substring(2);
        }
        if (s.startsWith("+")) {
            PhoneNumber n = parse(s, "ZZ");
            return n == null ? null : UTIL.isValidNumber(n) ? type(n) : UTIL.isPossibleNumber(n) ? Type.OTHER : null;
        }
        if (NotPhoneNumbers.looksLikeDecimal(s) || NotPhoneNumbers.looksLikeCount(s) || NotPhoneNumbers.looksLikeOutput(s)
                || NotPhoneNumbers.looksLikeRange(s) || NotPhoneNumbers.madeUp(s)
                || !nationalFormat(s, dialled)) {
            return null;
        }
        for (String region : REGIONS) {
            PhoneNumber n = parse(s, region);
            if (n != null && UTIL.isValidNumberForRegion(n, region)) {
                return type(n);
            }
        }
        // The ranges kept for drama and examples (01632 960xxx, 07700 900xxx, 555-01xx) are not valid
        // numbers, but have the shape of one: written in national format, they read as phone numbers.
        for (String region : FICTION_REGIONS) {
            PhoneNumber n = parse(s, region);
            if (n != null && UTIL.isPossibleNumberForType(n, PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE)) {
                return Type.OTHER;
            }
        }
        return null;
    }

    /**
     * Written without a country code, a phone number is dialled with its trunk prefix (0 in most plans:
     * "0300 1234567", "020 7946 0123") or has ten digits or more (North America's "(555) 010-1234"). Shorter
     * runs without a leading 0 (build numbers, dates, counts such as "20240611") are too often not phone
     * numbers to count as one, although some plans have such numbers; after a word that says it is dialled,
     * nine digits are enough (Poland's and Spain's plans have no trunk prefix).
     */
    private static boolean nationalFormat(String s, boolean dialled) {
        int digits = 0;
        char first = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                if (digits == 0) {
                    first = c;
                }
                digits++;
            }
        }
        return first == '0' || dialled ? digits >= 9 : digits >= 10;
    }

    private static PhoneNumber parse(String s, String region) {
        try {
            return UTIL.parse(s, region);
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static Type type(PhoneNumber n) {
        return switch (UTIL.getNumberType(n)) {
            case TOLL_FREE -> Type.TOLL_FREE;
            case PREMIUM_RATE, SHARED_COST -> Type.PREMIUM;
            default -> Type.OTHER;
        };
    }
}
