package dev.commentguard.io;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;

/**
 * The JDK's own StAX parser, set up for files from elsewhere: no DTD is read and no external entity is resolved, so
 * that an export cannot make us read local files or fetch URLs (XXE), and adjacent text and CDATA come as one string.
 * Its errors become {@link InputFormatException}s at the line the parser stopped on. Thread-safe: a new parser each call.
 */
final class SafeXml {

    private static final java.util.regex.Pattern UNBOUND = java.util.regex.Pattern.compile("#(Attribute|Element)PrefixUnbound\\?(\\S+)");

    private SafeXml() {
    }

    /** A parser over {@code in}, which keeps the encoding its XML declaration names (UTF-8 by default). */
    static XMLStreamReader open(InputStream in, String name) throws InputFormatException {
        // newDefaultFactory, not newFactory: another StAX implementation on the class path must not change the setup.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(in, HEAD);
            buffered.mark(HEAD);
            byte[] head = buffered.readNBytes(HEAD);
            buffered.reset();
            byte[] blanked = declarationAfterBlankLines(head);
            if (blanked == null) {
                return factory.createXMLStreamReader(buffered);
            }
            buffered.skipNBytes(head.length);
            String start = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
            int from = start.indexOf("<?xml");
            // the declaration's own encoding, not an encoding="..." written in a comment further on
            java.util.regex.Matcher encoding = ENCODING.matcher(start.substring(from, start.indexOf("?>", from) + 2));
            return factory.createXMLStreamReader(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(blanked),
                    buffered), encoding.find() ? encoding.group(1) : "UTF-8");
        } catch (XMLStreamException e) {
            throw failure(name, e);
        } catch (java.io.IOException e) {
            throw new InputFormatException(name, 0, FileProblems.reason(e), e);
        }
    }

    private static final int HEAD = 4096;
    private static final java.util.regex.Pattern ENCODING = java.util.regex.Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)");

    /**
     * The first bytes with the XML declaration blanked out, when blank lines come before it, or null when they do not:
     * XML allows nothing before {@code <?xml}, and a WordPress theme or plug-in that prints a line break puts one there in
     * every export it makes. Blanked with spaces rather than cut, the lines keep their numbers for the errors; the
     * declaration's encoding is given to the parser instead.
     */
    private static byte[] declarationAfterBlankLines(byte[] head) {
        int i = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        int start = i;
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        String rest = new String(head, i, head.length - i, java.nio.charset.StandardCharsets.ISO_8859_1);
        int end = rest.indexOf("?>");
        if (i == start || !rest.startsWith("<?xml") || end < 0) {
            return null;
        }
        byte[] blanked = head.clone();
        for (int k = 0; k < i + end + 2; k++) {
            if (blanked[k] != '\n' && blanked[k] != '\r') {
                blanked[k] = ' ';
            }
        }
        return blanked;
    }

    /**
     * Refuses a document whose root element is not {@code expected}: a WordPress export read as Disqus's (or the other
     * way round) finds none of the elements it looks for, and would read as an export of no comments.
     */
    static void requireRoot(XMLStreamReader r, String expected, String name) throws InputFormatException {
        String root = r.getLocalName();
        if (!root.equals(expected)) {
            String is = root.equals("rss") ? " (a WordPress export: --input-format wxr)"
                    : root.equals("disqus") ? " (a Disqus export: --input-format disqus)" : "";
            throw new InputFormatException(name, r.getLocation().getLineNumber(), "the root element is <" + root
                    + ">, not <" + expected + ">" + is);
        }
    }

    /** Closes the parser, which does not close the stream under it: that is the caller's. */
    static void close(XMLStreamReader r) {
        try {
            r.close();
        } catch (XMLStreamException ignored) {
            // nothing was left to read from it; the stream itself is closed by the caller
        }
    }

    /** The parser's error as one line, {@code FILE:LINE: problem}, without the parser's own "ParseError at [row,col]". */
    static InputFormatException failure(String name, XMLStreamException e) {
        Location at = e.getLocation();
        String message = String.valueOf(e.getMessage());
        int m = message.indexOf("Message: ");
        if (m >= 0) {
            message = message.substring(m + "Message: ".length());
        }
        message = message.strip();
        // The JDK says "http://www.w3.org/TR/1999/REC-xml-names-19990114#AttributePrefixUnbound?post&dsq:id&dsq".
        java.util.regex.Matcher unbound = UNBOUND.matcher(message);
        if (unbound.find()) {
            String[] parts = unbound.group(2).split("&");
            message = unbound.group(1).equals("Attribute") && parts.length == 3
                    ? "the prefix '" + parts[2] + "' of " + parts[1] + " on <" + parts[0] + "> is not declared (no xmlns:" + parts[2] + ")"
                    : parts.length == 2 ? "the prefix '" + parts[0] + "' of <" + parts[1] + "> is not declared (no xmlns:"
                    + parts[0] + ")" : message;
        }
        if (message.contains("must start and end within the same entity")) {
            message = "the XML ends before its elements are closed: is the file truncated? (" + message + ")";
        }
        return new InputFormatException(name, at == null || at.getLineNumber() < 1 ? 0 : at.getLineNumber(),
                "invalid XML: " + message, e);
    }
}
