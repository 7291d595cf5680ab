package dev.commentguard.io;

import dev.commentguard.Action;
import dev.commentguard.Comment;
import dev.commentguard.Reason;
import dev.commentguard.Verdict;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a moderator's terminal and spreadsheet receive: no control characters, ids as given, plain decimals. */
class VerdictWriterTest {

    private static final List<String> LABELS = List.of("ok", "spam");

    private static Verdict verdict(String id, double spam, String reason) {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("ok", 1 - spam);
        p.put("spam", spam);
        return new Verdict(id, spam > 0.5 ? "spam" : "ok", spam, p, spam > 0.5 ? Action.BLOCK : Action.ALLOW,
                List.of(new Reason("term", reason, 1)));
    }

    private static String write(OutputFormat format, Comment c, Verdict v) throws Exception {
        StringWriter out = new StringWriter();
        VerdictWriter w = new VerdictWriter(format, out, LABELS, true);
        w.write(c, v);
        w.flush();
        return out.toString();
    }

    @Test
    void probabilitiesAreFixedPointNeverScientific() throws Exception {
        Comment c = new Comment("1", "fine", "", "", "", null);
        String json = write(OutputFormat.JSONL, c, verdict("1", 0.000429, "fine"));
        assertThat(json).contains("\"spam_score\":0.000429", "\"spam\":0.000429", "\"ok\":0.999571").doesNotContain("E-");
        String tiny = write(OutputFormat.JSONL, c, verdict("1", 3e-9, "fine"));
        assertThat(tiny).contains("\"spam_score\":0,", "\"ok\":1,").doesNotContain("E-");
        String csv = write(OutputFormat.CSV, c, verdict("1", 0.000429, "fine"));
        assertThat(csv.lines().toList().get(1)).isEqualTo("1,ok,0.000429,allow,0.999571,0.000429,fine");
    }

    @Test
    void csvKeepsIdsAsGivenAndNeutralisesTheFreeTextColumn() throws Exception {
        String csv = write(OutputFormat.CSV, new Comment("-42", "x", "", "", "", null), verdict("-42", 0.9, "=HYPERLINK(\"x\")"));
        assertThat(csv.lines().toList().get(1)).isEqualTo("-42,spam,0.9,block,0.1,0.9,\"'=HYPERLINK(\"\"x\"\")\"");
    }

    @Test
    void tableOutputStripsControlCharacters() throws Exception {
        String text = "Hello \u001b[31mRED\u001b[0m\u0007 and \u009b2J gone \u202eright-to-left";
        String table = write(OutputFormat.TABLE, new Comment("id\u001b]0;x\u0007", text, "", "", "", null),
                verdict("id\u001b]0;x\u0007", 0.9, "weighed most: \"\u001b[2J\""));
        assertThat(table.chars().filter(ch -> ch != '\n' && (Character.isISOControl(ch) || ch == '\u202e'))).isEmpty();
        assertThat(table).contains("Hello [31mRED[0m and 2J gone right-to-left", "id]0;x");
    }

    @Test
    void theQuickRoundingWritesWhatBigDecimalWrites() {
        java.util.Random random = new java.util.Random(6);
        int checked = 0;
        for (int i = 0; i < 2_000_000; i++) {
            double x = switch (i % 4) {
                case 0 -> random.nextDouble();
                case 1 -> Math.pow(random.nextDouble(), 12); // small probabilities, many leading zeros
                case 2 -> (random.nextInt(1_000_001) + 0.5) / 1e6; // half a millionth: ties and near ties
                default -> Math.nextUp((random.nextInt(1_000_001) + 0.5) / 1e6) - (random.nextBoolean() ? 2e-16 : 0);
            };
            assertThat(VerdictWriter.decimal(x)).as("%s", x).isEqualTo(VerdictWriter.exactDecimal(x));
            checked++;
        }
        for (double x : new double[]{0, -0.0, 1, 0.5, 0.0000005, 0.0000015, 0.9999995, 1e-7, 4.9e-324, 0.000429, 0.1, 0.12345650000000001,
                Math.nextDown(1.0), 2.5, -0.25, Double.NaN}) {
            if (!Double.isNaN(x)) {
                assertThat(VerdictWriter.decimal(x)).as("%s", x).isEqualTo(VerdictWriter.exactDecimal(x));
            }
        }
        assertThat(VerdictWriter.decimal(0.5)).isEqualTo("0.5");
        assertThat(VerdictWriter.decimal(0.000429)).isEqualTo("0.000429");
        assertThat(checked).isEqualTo(2_000_000);
    }
}
