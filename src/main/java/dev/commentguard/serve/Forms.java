package dev.commentguard.serve;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Parses {@code application/x-www-form-urlencoded} bodies strictly. */
final class Forms {

    private Forms() {
    }

    /**
     * The fields of a form body; of a field given twice, the first.
     *
     * @throws IllegalArgumentException naming the field when a percent escape is broken
     */
    static Map<String, String> parse(String body) {
        Map<String, String> fields = new HashMap<>();
        if (body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                fields.putIfAbsent(URLDecoder.decode(rawName, StandardCharsets.UTF_8),
                        URLDecoder.decode(rawValue, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                String shown = rawName.length() > 40 ? rawName.substring(0, 40) + "…" : rawName;
                throw new IllegalArgumentException("malformed form encoding in field '" + shown + "': " + e.getMessage(), e);
            }
        }
        return fields;
    }
}
