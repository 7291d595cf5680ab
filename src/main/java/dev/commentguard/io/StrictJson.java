package dev.commentguard.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * JSON read so that nothing is dropped unseen: a line or body holding a second value, or text after the first, is an
 * error, where a plain {@link ObjectMapper} reads the first value and ignores the rest (two comments on one line
 * scored as one, silently); so is a field given twice in one object, where it keeps the last.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** A mapper that refuses anything after the value it reads. Thread-safe once made, as Jackson's mappers are. */
    public static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION); // {"text":"a","text":"b"}: which?
        return mapper;
    }

    /**
     * What is wrong with the JSON, in words for the user.
     *
     * @param expected what the input should hold instead, said when it holds more than one value
     */
    public static String problem(JsonProcessingException e, String expected) {
        String message = e.getOriginalMessage();
        return e instanceof MismatchedInputException && message != null && message.startsWith("Trailing token")
                ? "more after the JSON value (" + expected + ")" : "invalid JSON: " + message;
    }
}
