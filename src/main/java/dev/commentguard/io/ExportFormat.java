package dev.commentguard.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/** The comment systems' exports read directly, besides our own CSV and JSON Lines. */
public enum ExportFormat {
    /** WordPress's WXR file (Tools &gt; Export): posts with their {@code <wp:comment>}s. */
    WXR("wxr"),
    /** Disqus's XML export: {@code <thread>}s and {@code <post>}s. */
    DISQUS("disqus"),
    /** WordPress's {@code wp_comments} table as CSV or JSON ({@code wp comment list --format=csv|json}, a dump). */
    WP_COMMENTS("wp-comments");

    /** How many bytes of a file are looked at to recognise it. */
    private static final int SNIFF_BYTES = 16 << 10;

    private final String option;

    ExportFormat(String option) {
        this.option = option;
    }

    /** The name {@code --input-format} takes. */
    public String option() {
        return option;
    }

    /** The format named {@code name} ({@code wxr}, {@code disqus}, {@code wp-comments}), or null for any other name. */
    public static ExportFormat named(String name) {
        for (ExportFormat f : values()) {
            if (f.option.equalsIgnoreCase(name.strip()) || f.name().equalsIgnoreCase(name.strip())) {
                return f;
            }
        }
        return null;
    }

    /**
     * The export {@code file} holds, recognised by its first bytes, or null when it is none of them (our CSV or JSON
     * Lines): {@code <rss} with WordPress's export namespace is WXR, {@code <disqus} is Disqus, and a CSV header or
     * JSON object with {@code comment_content} or {@code comment_approved} is the {@code wp_comments} table.
     */
    public static ExportFormat detect(Path file) throws IOException {
        try (InputStream in = FileProblems.open(file)) {
            return detect(in.readNBytes(SNIFF_BYTES));
        }
    }

    /**
     * As {@link #detect(Path)}, from a stream that can be read once (standard input, a pipe): its first bytes are read
     * and put back, so that the stream is then read whole by whichever reader they call for.
     */
    public static ExportFormat detect(java.io.BufferedInputStream in) throws IOException {
        in.mark(SNIFF_BYTES + 1);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        return detect(head);
    }

    private static ExportFormat detect(byte[] head) {
        // A byte-order mark of UTF-16 (what PowerShell's > writes) says how the rest reads; else UTF-8, whose BOM is cut below.
        boolean utf16 = head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF);
        String text = new String(head, utf16 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String start = lower.stripLeading();
        if (start.startsWith("<")) {
            if (lower.contains("<rss") && lower.contains("wordpress.org/export/")) {
                return WXR;
            }
            return lower.contains("<disqus") ? DISQUS : null;
        }
        if (start.replaceAll("\\s", "").equals("[]")) {
            return WP_COMMENTS; // what wp comment list --format=json prints when there are none, as on a day without spam
        }
        String scope = start.startsWith("[") || start.startsWith("{") ? lower : firstLine(lower);
        return scope.contains("comment_content") || scope.contains("comment_approved") ? WP_COMMENTS : null;
    }

    private static String firstLine(String s) {
        int end = s.indexOf('\n');
        return end < 0 ? s : s.substring(0, end);
    }
}
