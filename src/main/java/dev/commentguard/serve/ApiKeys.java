package dev.commentguard.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The API keys the service accepts. Immutable and thread-safe. An instance with no keys accepts every key (the
 * {@code --no-auth} mode, which only binds to the loopback interface).
 */
public final class ApiKeys {

    /** The environment variable that may hold the keys, separated by commas, spaces or line breaks. */
    public static final String ENVIRONMENT = "COMMENTGUARD_API_KEYS";

    private final Set<String> keys;
    private final Set<String> lowerCase;

    private ApiKeys(Set<String> keys) {
        this.keys = Set.copyOf(keys);
        this.lowerCase = keys.stream().map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** How many keys it accepts (none: every key). */
    public int size() {
        return keys.size();
    }

    /** Accepts exactly {@code keys}; none means every key. */
    public static ApiKeys of(Set<String> keys) {
        return new ApiKeys(keys);
    }

    /** One key a line; blank lines and lines starting with {@code #} are skipped, as is a byte-order mark. */
    public static ApiKeys readFile(Path file) throws IOException {
        return new ApiKeys(Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(l -> l.startsWith("\uFEFF") ? l.substring(1) : l).map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet()));
    }

    /** The keys in {@code value} (the environment variable's form). */
    public static ApiKeys parse(String value) {
        return new ApiKeys(Arrays.stream(value.split("[,\\s]+")).filter(k -> !k.isEmpty()).collect(Collectors.toSet()));
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /**
     * Whether the first label of the host name called ({@code KEY.rest.akismet.com}) is a key. Host names have no case
     * (client libraries and resolvers write them in lower case), so the label is compared without it.
     */
    public boolean acceptsHostLabel(String label) {
        if (keys.isEmpty()) {
            return true;
        }
        return label != null && accepts(List.of(label.toLowerCase(Locale.ROOT)), lowerCase);
    }

    /** Whether one of {@code candidates} (nulls skipped) is a key, compared in constant time. */
    public boolean accepts(List<String> candidates) {
        if (keys.isEmpty()) {
            return true;
        }
        return accepts(candidates, keys);
    }

    private static boolean accepts(List<String> candidates, Set<String> keys) {
        boolean found = false;
        for (String candidate : candidates) {
            if (candidate == null || candidate.isEmpty()) {
                continue;
            }
            byte[] c = candidate.getBytes(StandardCharsets.UTF_8);
            for (String key : keys) {
                found |= MessageDigest.isEqual(c, key.getBytes(StandardCharsets.UTF_8));
            }
        }
        return found;
    }
}
