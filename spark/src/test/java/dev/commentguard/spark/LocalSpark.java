package dev.commentguard.spark;

import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;

/** One Spark session in local mode on two cores, shared by the tests of a run, and the folder they work in. */
final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            Path work = work();
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("commentguard-spark-tests")
                    .config("spark.ui.enabled", false)
                    // No address but the loopback: nothing of a test listens on the network.
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", 8)
                    // Several partitions from files of a few megabytes, so that a text and its copies can fall in
                    // different ones, as on a cluster.
                    .config("spark.sql.files.maxPartitionBytes", 4L << 20)
                    .config("spark.local.dir", work.resolve("spark-local").toString())
                    .config("spark.sql.warehouse.dir", work.resolve("spark-warehouse").toString())
                    .getOrCreate();
        }
        return session;
    }

    /** Where the tests write: under the build's directory (the system property spark.work), else target/work. */
    static Path work() {
        return Path.of(System.getProperty("spark.work", "target/work")).toAbsolutePath();
    }
}
