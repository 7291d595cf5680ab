package dev.commentguard.io;

import dev.commentguard.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommentReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void readsAliasesCaseInsensitivelyWithBomAndMultiLineQuotedFields() throws Exception {
        Path f = write("c.csv", "\uFEFFComment_ID,AUTHOR,Content,CLASS\n"
                + "a1,Ann,\"first line\nsecond, line with \"\"quotes\"\"\",1\n"
                + "a2,Bob,plain,0\n");
        List<InputRow> rows = CommentReader.read(f, InputOptions.DEFAULT, Map.of(), true);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).comment().id()).isEqualTo("a1");
        assertThat(rows.get(0).comment().author()).isEqualTo("Ann");
        assertThat(rows.get(0).comment().text()).isEqualTo("first line\nsecond, line with \"quotes\"");
        assertThat(rows.get(0).label()).isEqualTo("1");
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(1).line()).isEqualTo(4);
    }

    @Test
    void columnsCanBeNamedByOptions() throws Exception {
        Path f = write("c.csv", "msg_body,verdict,key\nhello there,ham,k1\n");
        InputOptions o = new InputOptions("auto", "msg_body", "verdict", "key", null, true, null);
        InputRow row = CommentReader.read(f, o, Map.of(), true).get(0);
        assertThat(row.comment().text()).isEqualTo("hello there");
        assertThat(row.label()).isEqualTo("ham");
        assertThat(row.comment().id()).isEqualTo("k1");
    }

    @Test
    void keepsTheGroupColumnSiteKindBeforeKindOrTheOneNamed() throws Exception {
        Path both = write("g.csv", "text,label,kind,site_kind\nhello,ok,forum,software\nbye,spam,,news\n");
        assertThat(CommentReader.read(both, InputOptions.DEFAULT, Map.of(), true))
                .extracting(InputRow::group).containsExactly("software", "news");
        assertThat(CommentReader.read(both, InputOptions.DEFAULT.withGroupColumn("KIND"), Map.of(), true))
                .extracting(InputRow::group).containsExactly("forum", "");
        Path none = write("n.jsonl", "{\"text\": \"hi\", \"label\": \"ok\"}\n");
        assertThat(CommentReader.read(none, InputOptions.DEFAULT, Map.of(), true).get(0).group()).isNull();
        Path json = write("k.jsonl", "{\"text\": \"hi\", \"label\": \"ok\", \"kind\": \"recipes\"}\n");
        assertThat(CommentReader.read(json, InputOptions.DEFAULT, Map.of(), true).get(0).group()).isEqualTo("recipes");
        Path headerless = write("h.tsv", "ok\tnews\thello\n");
        InputOptions byNumber = new InputOptions("csv", "3", "1", null, '\t', false, null).withGroupColumn("2");
        assertThat(CommentReader.read(headerless, byNumber, Map.of(), true).get(0).group()).isEqualTo("news");
        assertThatThrownBy(() -> CommentReader.read(both, InputOptions.DEFAULT.withGroupColumn("site"), Map.of(), true))
                .hasMessageContaining("no column named 'site'");
    }

    @Test
    void headerlessTabSeparatedFileTakesLabelFirstAndTextLast() throws Exception {
        Path f = write("sms.txt", "ham\tOk see you \"later\n\nspam\tWIN a prize, call now\n");
        InputOptions o = new InputOptions("csv", null, null, null, '\t', false, null);
        List<InputRow> rows = CommentReader.read(f, o, Map.of(), true);
        assertThat(rows).extracting(InputRow::label).containsExactly("ham", "spam");
        assertThat(rows.get(0).comment().text()).isEqualTo("Ok see you \"later");
        assertThat(rows.get(1).line()).isEqualTo(3);
    }

    @Test
    void readsJsonLinesWithArticleContext() throws Exception {
        Path f = write("c.jsonl", "{\"id\": 7, \"text\": \"Great read\", \"article_title\": \"T\", \"article_text\": \"Body\"}\n\n"
                + "{\"comment\": \"second\", \"label\": \"ok\"}\n");
        List<InputRow> rows = CommentReader.read(f, InputOptions.DEFAULT, Map.of(), false);
        assertThat(rows.get(0).comment().id()).isEqualTo("7");
        assertThat(rows.get(0).comment().article()).isEqualTo(new Article("", "T", "Body"));
        assertThat(rows.get(1).comment().text()).isEqualTo("second");
        assertThat(rows.get(1).line()).isEqualTo(3);
    }

    @Test
    void joinsArticlesById() throws Exception {
        Path articles = write("articles.csv", "id,title,text\na1,Tram line,The council approved a tram line.\n");
        Path f = write("c.csv", "id,article_id,text\n1,a1,About time\n");
        Map<String, Article> map = CommentReader.readArticles(articles);
        InputRow row = CommentReader.read(f, InputOptions.DEFAULT, map, false).get(0);
        assertThat(row.comment().article().title()).isEqualTo("Tram line");
        Path bad = write("bad.csv", "id,article_id,text\n1,zz,About time\n");
        assertThatThrownBy(() -> CommentReader.read(bad, InputOptions.DEFAULT, map, false))
                .hasMessage(bad + ":2: unknown article_id 'zz' (not in the articles file)");
    }

    @Test
    void missingTextColumnNamesTheFileAndColumns() throws Exception {
        Path f = write("c.csv", "id,words\n1,hello\n");
        assertThatThrownBy(() -> CommentReader.read(f, InputOptions.DEFAULT, Map.of(), false))
                .isInstanceOf(InputFormatException.class)
                .hasMessageStartingWith(f + ":1: no text column");
    }

    @Test
    void anEmptyFileIsSaidToBeEmpty() throws Exception {
        Path f = write("none.csv", ""); // it said "no text column (...); columns are []"
        assertThatThrownBy(() -> CommentReader.read(f, InputOptions.DEFAULT, Map.of(), true))
                .hasMessage(f + ":1: the file is empty: no header row, no comments");
    }

    @Test
    void emptyTextAndMissingLabelAreErrorsWithTheirLine() throws Exception {
        Path f = write("c.csv", "text,label\nfine,ok\n  ,ok\n");
        assertThatThrownBy(() -> CommentReader.read(f, InputOptions.DEFAULT, Map.of(), true))
                .hasMessage(f + ":3: the comment text is empty");
        Path g = write("d.csv", "text,label\nfine,ok\nno label,\n");
        assertThatThrownBy(() -> CommentReader.read(g, InputOptions.DEFAULT, Map.of(), true))
                .hasMessage(g + ":3: the label is empty");
    }

    @Test
    void unbalancedQuoteIsReported() throws Exception {
        Path f = write("c.csv", "text,label\nfine,ok\n\"never closed,ok\nmore,ok\n");
        assertThatThrownBy(() -> CommentReader.read(f, InputOptions.DEFAULT, Map.of(), true))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("unbalanced quote");
    }

    /** Found by fuzzing: a quote left open in the header row escaped as a raw IOException. */
    @Test
    void unbalancedQuoteInTheHeaderIsReported() throws Exception {
        Path f = write("c.csv", "\"text,label\nfine,ok\n");
        assertThatThrownBy(() -> CommentReader.read(f, InputOptions.DEFAULT, Map.of(), false))
                .isInstanceOf(InputFormatException.class)
                .hasMessage(f + ":1: bad header: a quoted field is never closed (unbalanced quote)");
    }

    @Test
    void invalidUtf8IsReported() throws Exception {
        Path f = dir.resolve("c.csv");
        Files.write(f, new byte[] {'t', 'e', 'x', 't', '\n', 'o', 'k', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
        assertThatThrownBy(() -> CommentReader.read(f, InputOptions.DEFAULT, Map.of(), false))
                .isInstanceOf(InputFormatException.class).hasMessageContaining("invalid UTF-8");
    }

    /** Found by fuzzing: malformed bytes at the very start used to break the decoder used for the BOM check. */
    @Test
    void invalidUtf8AtTheStartIsReported() throws Exception {
        Path f = dir.resolve("c.csv");
        Files.write(f, new byte[] {(byte) 0xC9, (byte) 0xC9, '\n', '\n', 0});
        assertThatThrownBy(() -> CommentReader.read(f, InputOptions.DEFAULT, Map.of(), false))
                .isInstanceOf(InputFormatException.class).hasMessage(f + ":1: invalid UTF-8 (byte 0xC9): the input looks Latin-1"
                        + " (ISO-8859-1) or Windows-1252 encoded; read it with --encoding windows-1252");
    }

    /** The decoder runs ahead of the parser; the error is still at the line of the bad bytes, in CSV and JSON Lines. */
    @Test
    void invalidUtf8IsReportedAtItsOwnLine() throws Exception {
        for (int badLine : new int[] {501, 5_001}) {
            for (String type : List.of("csv", "jsonl")) {
                StringBuilder text = new StringBuilder(type.equals("csv") ? "text\n" : "");
                for (int i = type.equals("csv") ? 2 : 1; i < badLine; i++) {
                    text.append(type.equals("csv") ? "comment " + i + "\n" : "{\"text\": \"comment " + i + "\"}\n");
                }
                Path f = dir.resolve("bad" + badLine + "." + type);
                byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
                byte[] tail = type.equals("csv") ? new byte[] {'c', 'a', 'f', (byte) 0xC3, '!', '\n', 'x', '\n'}
                        : new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, '!', '"', '}', '\n'};
                byte[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
                System.arraycopy(tail, 0, all, head.length, tail.length);
                Files.write(f, all);
                assertThatThrownBy(() -> CommentReader.read(f, InputOptions.DEFAULT, Map.of(), false)).as(f.toString())
                        .hasMessage(f + ":" + badLine + ": invalid UTF-8 (byte 0xC3): the input looks Latin-1 (ISO-8859-1)"
                                + " or Windows-1252 encoded; read it with --encoding windows-1252");
            }
        }
    }

    @Test
    void latin1IsNamedAndReadWithEncoding() throws Exception {
        Path f = dir.resolve("latin.csv");
        Files.write(f, "text\n\"nice caf\u00e9, great \u00e9clairs\"\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> CommentReader.read(f, InputOptions.DEFAULT, Map.of(), false))
                .hasMessageStartingWith(f + ":2: invalid UTF-8 (byte 0xE9): the input looks Latin-1");
        InputOptions latin = new InputOptions("auto", null, null, null, null, true, null, java.nio.charset.Charset.forName("windows-1252"), null);
        assertThat(CommentReader.read(f, latin, Map.of(), false).get(0).comment().text()).isEqualTo("nice caf\u00e9, great \u00e9clairs");
    }

    @Test
    void utf16IsNamedAndReadWithEncoding() throws Exception {
        String content = "text,label\nnice post,ok\n";
        Path bom = dir.resolve("bom.csv");
        Files.write(bom, ("\uFEFF" + content).getBytes(StandardCharsets.UTF_16LE));
        assertThatThrownBy(() -> CommentReader.read(bom, InputOptions.DEFAULT, Map.of(), false))
                .hasMessage(bom + ":1: the input looks UTF-16LE encoded (it starts with a UTF-16 byte-order mark), not UTF-8;"
                        + " read it with --encoding UTF-16");
        Path plain = dir.resolve("plain.csv");
        Files.write(plain, content.getBytes(StandardCharsets.UTF_16LE));
        assertThatThrownBy(() -> CommentReader.read(plain, InputOptions.DEFAULT, Map.of(), false))
                .hasMessage(plain + ":1: the input looks UTF-16LE encoded (a zero byte after every letter), not UTF-8;"
                        + " read it with --encoding UTF-16LE");
        for (var cs : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE)) {
            Path f = cs == StandardCharsets.UTF_16 ? bom : plain;
            InputOptions o = new InputOptions("auto", null, null, null, null, true, null, cs, null);
            assertThat(CommentReader.read(f, o, Map.of(), true).get(0).comment().text()).as(cs.name()).isEqualTo("nice post");
        }
    }

    /** Lines are the file's: CRLF, line breaks inside quoted fields, blank lines and a last line without a break. */
    @Test
    void rowsCarryThePhysicalLineTheyStartOn() throws Exception {
        Path f = write("lines.csv", "text,label\r\none,ok\r\n\r\n\"two\r\nlines\",ok\r\n\"three\nmore\nlines\",ok\nlast,ok");
        assertThat(CommentReader.read(f, InputOptions.DEFAULT, Map.of(), true)).extracting(InputRow::line)
                .containsExactly(2L, 4L, 6L, 9L);
        Path g = write("after.csv", "text,label\n\"a\nb\",ok\n,ok\n");
        assertThatThrownBy(() -> CommentReader.read(g, InputOptions.DEFAULT, Map.of(), true))
                .hasMessage(g + ":4: the comment text is empty");
        Path cr = write("cr.csv", "text,label\nfine,ok\n\"old Mac\rline break\",\n");
        assertThatThrownBy(() -> CommentReader.read(cr, InputOptions.DEFAULT, Map.of(), true))
                .as("a lone CR inside a quoted field is a line break too").hasMessage(cr + ":3: the label is empty");
    }

    @Test
    void aStrayQuoteIsReportedOnceAtItsLine() throws Exception {
        Path f = write("q.csv", "text,label\nfine,ok\nok here,ok\n\"stray\" quote,ok\nmore,ok\n");
        assertThatThrownBy(() -> CommentReader.read(f, InputOptions.DEFAULT, Map.of(), true))
                .hasMessage(f + ":4: text after the closing quote of a field: quote the whole field, and double each quote inside it");
        Path g = write("open.csv", "text,label\nfine,ok\nok,ok\n\"never closed,ok\nmore,ok\nand more,ok\n");
        assertThatThrownBy(() -> CommentReader.read(g, InputOptions.DEFAULT, Map.of(), true))
                .as("the line where the quote opens, not the end of the file")
                .hasMessage(g + ":4: a quoted field is never closed (unbalanced quote)");
    }

    @Test
    void anUnquotedCommaInATextIsAnErrorNotALoss() throws Exception {
        Path f = write("comma.csv", "id,text,label\n1,fine,ok\n2,Prices went up, and wages did not,ok\n");
        assertThatThrownBy(() -> CommentReader.read(f, InputOptions.DEFAULT, Map.of(), true))
                .hasMessage(f + ":3: expected 3 fields as in the header, found 4: is there a comma inside a field that is not"
                        + " quoted? Quote that field");
        Path headerless = write("headerless.csv", "ok,fine\nok,Prices went up, and wages did not\n");
        assertThatThrownBy(() -> CommentReader.read(headerless, new InputOptions("csv", null, null, null, null, false, null),
                Map.of(), true)).hasMessage(headerless + ":2: expected 2 fields as in the first row, found 3: is there a comma"
                        + " inside a field that is not quoted? Quote that field");
        Path trailing = write("trailing.csv", "id,text,label\n1,fine,ok,\n");
        assertThat(CommentReader.read(trailing, InputOptions.DEFAULT, Map.of(), true)).as("an empty field after the last loses nothing")
                .hasSize(1);
    }

    @Test
    void jsonTextMustBeAString() throws Exception {
        for (String value : List.of("42", "[\"a\", \"b\"]", "{\"t\": \"x\"}", "true")) {
            Path f = write("types.jsonl", "{\"id\": 1, \"text\": \"fine\"}\n{\"id\": 2, \"text\": " + value + "}\n");
            assertThatThrownBy(() -> CommentReader.read(f, InputOptions.DEFAULT, Map.of(), false)).as(value)
                    .hasMessageStartingWith(f + ":2: field 'text' must be a string, found ");
        }
        Path f = write("author.jsonl", "{\"text\": \"fine\", \"author\": [\"x\"]}\n");
        assertThatThrownBy(() -> CommentReader.read(f, InputOptions.DEFAULT, Map.of(), false))
                .hasMessage(f + ":1: field 'author' must be a string, found an array");
        Path label = write("label.jsonl", "{\"id\": 7, \"text\": \"fine\", \"label\": 1}\n");
        InputRow row = CommentReader.read(label, InputOptions.DEFAULT, Map.of(), true).get(0);
        assertThat(row.comment().id()).isEqualTo("7");
        assertThat(row.label()).as("whole numbers are ids and labels as written").isEqualTo("1");
    }

    @Test
    void invalidJsonLineIsReported() throws Exception {
        Path f = write("c.jsonl", "{\"text\": \"ok\"}\n{\"text\": \n");
        assertThatThrownBy(() -> CommentReader.read(f, InputOptions.DEFAULT, Map.of(), false))
                .hasMessageStartingWith(f + ":2: invalid JSON");
    }

    @Test
    void aSecondObjectOrTextAfterTheFirstOnALineIsAnErrorNotDropped() throws Exception {
        for (String tail : new String[] {" {\"id\":\"2\",\"text\":\"b\"}", " garbage here", "}"}) {
            Path f = write("c.jsonl", "{\"id\":\"0\",\"text\":\"z\"}\n{\"id\":\"1\",\"text\":\"a\"}" + tail + "\n");
            assertThatThrownBy(() -> CommentReader.read(f, InputOptions.DEFAULT, Map.of(), false)).as(tail)
                    .hasMessageStartingWith(f + ":2: ");
        }
        Path two = write("c.jsonl", "{\"id\":\"1\",\"text\":\"a\"} {\"id\":\"2\",\"text\":\"b\"}\n");
        assertThatThrownBy(() -> CommentReader.read(two, InputOptions.DEFAULT, Map.of(), false))
                .hasMessage(two + ":1: more after the JSON value (one JSON object a line)");
    }

    @Test
    void aColumnOrFieldGivenTwiceIsAnErrorNotAGuess() throws Exception {
        Path csv = write("c.csv", "id,text,Text\n1,a b c,Call 0300-1234567 for free classified ads\n");
        assertThatThrownBy(() -> CommentReader.read(csv, InputOptions.DEFAULT, Map.of(), false))
                .hasMessage(csv + ":1: column 'text' appears twice in the header (columns 2 and 3)");
        Path json = write("c.jsonl", "{\"text\":\"a b c\",\"text\":\"Call 0300-1234567\"}\n");
        assertThatThrownBy(() -> CommentReader.read(json, InputOptions.DEFAULT, Map.of(), false))
                .hasMessageStartingWith(json + ":1: invalid JSON: Duplicate field 'text'");
    }

    @Test
    void aHugeFirstLineIsNotRepeatedWholeInTheMessage() throws Exception {
        Path plain = write("c.txt", "Buy cheap watches at http://watches.example.com ".repeat(20_000) + "\nsecond line\n");
        assertThatThrownBy(() -> CommentReader.read(plain, InputOptions.DEFAULT, Map.of(), false))
                .hasMessageContaining("no text column").hasMessageContaining("(960000 characters)")
                .hasMessageEndingWith("Plain text, one comment a line, is read from standard input without --input")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(400));
    }

    @Test
    void quoteCanBeSwitchedOff() throws Exception {
        Path f = write("c.csv", "text\n\"half quoted\n");
        InputOptions o = new InputOptions("auto", null, null, null, null, true, Optional.empty());
        assertThat(CommentReader.read(f, o, Map.of(), false).get(0).comment().text()).isEqualTo("\"half quoted");
    }

    @Test
    void csvOutputNeutralisesFormulas() {
        assertThat(VerdictWriter.neutralize("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(VerdictWriter.neutralize("+1")).isEqualTo("'+1");
        assertThat(VerdictWriter.neutralize("-2")).isEqualTo("'-2");
        assertThat(VerdictWriter.neutralize("@SUM")).isEqualTo("'@SUM");
        assertThat(VerdictWriter.neutralize("\tx")).isEqualTo("'\tx");
        assertThat(VerdictWriter.neutralize("plain")).isEqualTo("plain");
    }
}
