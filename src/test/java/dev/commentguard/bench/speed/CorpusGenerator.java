package dev.commentguard.bench.speed;

import dev.commentguard.io.CommentReader;
import dev.commentguard.io.InputOptions;
import dev.commentguard.io.InputRow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Builds large labelled CSV sets for the speed benchmark by resampling our corpus and perturbing
 * each copy, so that sizes far beyond the corpus keep its mix of labels and lengths while the
 * texts (and so the n-gram vocabulary) keep growing the way a real comment stream would.
 *
 * <p>Each output comment is a random corpus comment with one to three random perturbations: a word
 * dropped, two neighbouring words swapped, a word's case changed, its digits replaced, end
 * punctuation appended or removed. Output columns are {@code id,text,label}; no article context.
 * The same seed gives the same files, and a smaller set is a prefix of a larger one.
 *
 * <p>Usage: {@code CorpusGenerator CORPUS OUT_DIR SIZE...}, writing {@code OUT_DIR/comments-SIZE.csv} and
 * printing a Markdown table of the comments per label in each. Generated data belongs under
 * {@code target/}, never in the repository.
 */
public final class CorpusGenerator {

    static final long SEED = 20261121L;
    private static final String[] END_PUNCTUATION = {"!", "!!", "?", ".", "...", " :)"};

    private final List<InputRow> corpus;
    private final Random random;

    CorpusGenerator(List<InputRow> corpus, long seed) {
        this.corpus = List.copyOf(corpus);
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: CorpusGenerator CORPUS.csv OUT_DIR SIZE...");
            System.exit(2);
        }
        List<InputRow> corpus = CommentReader.read(Path.of(args[0]), InputOptions.DEFAULT, Map.of(), true);
        Path dir = Files.createDirectories(Path.of(args[1]));
        System.out.println("| file | comments | per label |");
        System.out.println("|---|---|---|");
        for (String size : Arrays.copyOfRange(args, 2, args.length)) {
            Path out = dir.resolve("comments-" + size + ".csv");
            Map<String, Integer> labels = new CorpusGenerator(corpus, SEED).write(out, Integer.parseInt(size));
            StringBuilder perLabel = new StringBuilder();
            labels.forEach((label, n) -> perLabel.append(String.format(Locale.ROOT, "%s%s %,d", perLabel.isEmpty() ? "" : ", ", label, n)));
            System.out.printf(Locale.ROOT, "| %s | %,d | %s |%n", out, Integer.parseInt(size), perLabel);
        }
    }

    /** Writes {@code size} comments to {@code out}; returns how many carry each label. */
    Map<String, Integer> write(Path out, int size) throws IOException {
        Map<String, Integer> labels = new TreeMap<>();
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader("id", "text", "label").build().print(w)) {
            for (int i = 1; i <= size; i++) {
                InputRow source = corpus.get(random.nextInt(corpus.size()));
                csv.printRecord("g" + i, perturb(source.comment().text()), source.label());
                labels.merge(source.label(), 1, Integer::sum);
            }
        }
        return labels;
    }

    /** One to three random perturbations of a text; never returns a blank text. */
    String perturb(String text) {
        List<String> words = new ArrayList<>(Arrays.asList(text.strip().split(" +")));
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes; c++) {
            int at = random.nextInt(words.size());
            switch (random.nextInt(6)) {
                case 0 -> {
                    if (words.size() > 1) {
                        words.remove(at);
                    }
                }
                case 1 -> {
                    if (at + 1 < words.size()) {
                        words.set(at, words.set(at + 1, words.get(at)));
                    }
                }
                case 2 -> words.set(at, changeCase(words.get(at)));
                case 3 -> words.set(at, changeDigits(words.get(at)));
                case 4 -> words.set(words.size() - 1, words.get(words.size() - 1) + pick(END_PUNCTUATION));
                default -> words.set(words.size() - 1, stripEndPunctuation(words.get(words.size() - 1)));
            }
        }
        return String.join(" ", words);
    }

    private String changeCase(String word) {
        return switch (random.nextInt(3)) {
            case 0 -> word.toUpperCase(Locale.ROOT);
            case 1 -> word.toLowerCase(Locale.ROOT);
            default -> word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
        };
    }

    private String changeDigits(String word) {
        StringBuilder b = new StringBuilder(word.length());
        for (char ch : word.toCharArray()) {
            b.append(ch >= '0' && ch <= '9' ? (char) ('0' + random.nextInt(10)) : ch);
        }
        return b.toString();
    }

    private static String stripEndPunctuation(String word) {
        String stripped = word.replaceAll("[.!?]+$", "");
        return stripped.isEmpty() ? word : stripped;
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
