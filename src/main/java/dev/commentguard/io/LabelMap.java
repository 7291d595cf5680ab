package dev.commentguard.io;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which label each moderation status gives a comment read from an export, or none (the comment is not used to train
 * or evaluate). The default: approved is {@code ok}, spam is {@code spam}, and pending, trash, deleted and unknown
 * values are not used, since nobody judged the first and the others mix spam with genuine comments a moderator
 * removed for other reasons. Immutable.
 */
public record LabelMap(Map<ModerationStatus, Optional<String>> labels) {

    public static final LabelMap DEFAULT = new LabelMap(Map.of(ModerationStatus.APPROVED, Optional.of("ok"),
            ModerationStatus.SPAM, Optional.of("spam")));

    public LabelMap {
        EnumMap<ModerationStatus, Optional<String>> copy = new EnumMap<>(ModerationStatus.class);
        for (ModerationStatus s : ModerationStatus.values()) {
            copy.put(s, labels.getOrDefault(s, Optional.empty()));
        }
        labels = java.util.Collections.unmodifiableMap(copy);
    }

    /** The label for {@code status}, or empty when such comments are not used. */
    public Optional<String> label(ModerationStatus status) {
        return labels.get(status);
    }

    /**
     * The default changed by {@code STATUS=LABEL} pairs, separated by commas ({@code trash=spam,pending=ok}); the
     * label {@code none} leaves a status out.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public LabelMap with(String pairs) {
        Map<ModerationStatus, Optional<String>> map = new EnumMap<>(labels);
        for (String pair : pairs.split(",")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair.strip() : pair.substring(0, eq).strip();
            String label = eq < 0 ? "" : pair.substring(eq + 1).strip();
            ModerationStatus status = null;
            for (ModerationStatus s : ModerationStatus.values()) {
                if (s.key().equalsIgnoreCase(key)) {
                    status = s;
                }
            }
            if (status == null || label.isEmpty()) {
                throw new IllegalArgumentException("--label-map takes STATUS=LABEL pairs, where STATUS is one of approved,"
                        + " spam, pending, trash, deleted, unknown and LABEL a label or none: '" + pair.strip() + "'");
            }
            map.put(status, label.equalsIgnoreCase("none") ? Optional.empty() : Optional.of(label));
        }
        return new LabelMap(map);
    }
}
