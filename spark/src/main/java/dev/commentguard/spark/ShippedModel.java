package dev.commentguard.spark;

import dev.commentguard.CommentScorer;
import dev.commentguard.ModelFileException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A model on the driver: the model file's bytes, read once, and what tasks need to find its scorer. The bytes go to
 * the executors in one broadcast per Spark context, fetched by an executor only when it has no scorer of that model
 * yet ({@link Scorers}); the default model inside the library's jar is not shipped at all.
 *
 * <p>Thread-safe.
 */
final class ShippedModel {

    private final String hash;
    private final String source;
    private final byte[] bytes;
    private final CommentScorer scorer;
    private Handle handle;

    private ShippedModel(String hash, String source, byte[] bytes) throws IOException {
        this.hash = hash;
        this.source = source;
        this.bytes = bytes;
        try {
            this.scorer = Scorers.get(hash, source, () -> bytes); // checked here, on the driver, before any task
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The default model inside the library's jar. */
    static ShippedModel defaultModel() {
        try {
            return new ShippedModel(Scorers.DEFAULT, "the default model", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the default model is not read from bytes
        }
    }

    /**
     * The model file at {@code path}, on any file system Spark's Hadoop configuration reaches ({@code hdfs://},
     * {@code s3a://}, a local path).
     *
     * @throws ModelFileException when there is no such file or it is not a usable model
     */
    static ShippedModel read(SparkSession spark, String path) throws IOException {
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(path);
        byte[] bytes;
        try {
            FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.getFileStatus(file).isDirectory()) {
                throw new ModelFileException(path + ": is a directory, not a model file");
            }
            try (InputStream in = fs.open(file)) {
                bytes = in.readAllBytes();
            }
        } catch (FileNotFoundException e) {
            throw new ModelFileException(path + ": no such model file");
        }
        return new ShippedModel(sha256(bytes), path, bytes);
    }

    /** The scorer, for what the driver needs to know of the model: its labels and thresholds. */
    CommentScorer scorer() {
        return scorer;
    }

    /** What a task needs to find the scorer: the model's hash and its bytes' broadcast in {@code spark}'s context. */
    synchronized Handle handle(SparkSession spark) {
        SparkContext context = spark.sparkContext();
        if (handle == null || handle.context != context || context.isStopped()) {
            Broadcast<byte[]> broadcast = bytes == null ? null
                    : JavaSparkContext.fromSparkContext(context).broadcast(bytes);
            handle = new Handle(hash, source, broadcast, context);
        }
        return handle;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The serialisable part of a model that goes with each task. Immutable. */
    static final class Handle implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String hash;
        private final String source;
        private final Broadcast<byte[]> bytes;
        private final transient SparkContext context;

        private Handle(String hash, String source, Broadcast<byte[]> bytes, SparkContext context) {
            this.hash = hash;
            this.source = source;
            this.bytes = bytes;
            this.context = context;
        }

        /** This JVM's scorer of the model, loaded from the broadcast bytes the first time any task asks. */
        CommentScorer scorer() {
            return Scorers.get(hash, source, () -> bytes.value());
        }
    }
}
