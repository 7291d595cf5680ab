package dev.commentguard;

import java.util.Objects;

/**
 * One reason behind a verdict, in words a moderator can read. Immutable and thread-safe.
 *
 * @param code    a stable machine-readable key such as {@code phone_number} or {@code term}
 * @param message the plain-language explanation, for example "contains a phone number"
 * @param weight  how strongly it pushed towards spam (larger is stronger); used to order reasons
 */
public record Reason(String code, String message, double weight) {

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return message;
    }
}
