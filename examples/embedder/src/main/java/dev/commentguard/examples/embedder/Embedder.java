package dev.commentguard.examples.embedder;

import dev.commentguard.Comment;
import dev.commentguard.CommentScorer;
import dev.commentguard.Reason;
import dev.commentguard.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * What a Java service does with CommentGuard: one scorer, the default model packaged in the library, shared by
 * every thread. Scores one comment (the arguments, or a classified-ad promotion) from 8 threads released together,
 * prints the verdict, and exits 1 if the threads did not all get the same one.
 */
public final class Embedder {

    private static final int THREADS = 8;

    private Embedder() {
    }

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        String text = args.length > 0 ? String.join(" ", args) : "Free classified ads at cheap-classifieds.com or call 0300-1234567";
        CommentScorer scorer = CommentScorer.loadDefault();
        Comment comment = Comment.of(text);

        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Verdict>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return scorer.score(comment);
                }));
            }
            List<Verdict> verdicts = new ArrayList<>();
            for (Future<Verdict> f : futures) {
                verdicts.add(f.get());
            }
            Verdict first = verdicts.get(0);
            long same = verdicts.stream().filter(first::equals).count();
            System.out.printf(Locale.ROOT, "threads: %d, same verdict: %d%n", THREADS, same);
            System.out.printf(Locale.ROOT, "verdict: %s %.3f %s%n",
                    first.label(), first.spamScore(), first.action().code());
            System.out.println("reasons: " + first.reasons().stream().map(Reason::message).collect(Collectors.joining("; ")));
            if (same != THREADS) {
                System.err.println("error: the threads disagree: " + verdicts);
                System.exit(1);
            }
        } finally {
            pool.shutdown();
        }
    }
}
