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
                .isInstanceOf(InputFormatException.class).hasMessage(f + ":1: invalid UTF-8 (the file must be UTF-8 encoded)");
    }

    @Test
    void invalidJsonLineIsReported() throws Exception {
        Path f = write("c.jsonl", "{\"text\": \"ok\"}\n{\"text\": \n");
        assertThatThrownBy(() -> CommentReader.read(f, InputOptions.DEFAULT, Map.of(), false))
                .hasMessageStartingWith(f + ":2: invalid JSON");
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
