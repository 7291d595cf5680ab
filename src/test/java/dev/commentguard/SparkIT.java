package dev.commentguard;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark artifact, {@code spark/}: built, tested and packaged by a Maven process of its own, on the library
 * this build made ({@link ConsumerBuild}). Its tests run Spark in local mode on two cores, among them the acceptance
 * test of 100,000 comments against this build's command-line jar. Its output goes to {@code target/spark}, the jar
 * spark-submit takes among it; its log to {@code target/spark/build.log}.
 *
 * <p>The build has Maven download Spark first, in {@code pre-integration-test} ({@code dependency:get} in pom.xml):
 * the version it downloads is the version passed here, so the build of spark/ finds it in the local repository.
 */
class SparkIT {

    @Test
    void theSparkArtifactPassesItsTestsAndPackagesTheJarForSparkSubmit() throws Exception {
        Path out = Path.of(property("spark.buildDirectory"));
        Files.createDirectories(out);
        Path project = Path.of(property("spark.project"));
        Path settings = ConsumerBuild.settings(out);
        List<String> output = ConsumerBuild.run(project, settings, out.resolve("build.log"), 20,
                "-Dspark.version=" + property("spark.version"), "-Dscala.version=" + property("spark.scala.version"),
                "-Dspark.build.directory=" + out, "-Dcommentguard.cli=" + property("commentguard.cli"),
                "-Dcommentguard.home=" + property("commentguard.home"), "verify");

        output.stream().filter(l -> l.startsWith("command line on ") || l.startsWith("transformer on ")
                || l.startsWith("SQL function on ") || l.startsWith("distributed evaluate ") || l.contains("Tests run:"))
                .forEach(l -> System.out.println("SparkIT: " + l));
        assertThat(output).as("the acceptance test ran, and passed")
                .anyMatch(l -> l.matches(".*Tests run: 3, Failures: 0, Errors: 0, Skipped: 0.* in dev\\.commentguard\\.spark\\.HundredThousandCommentsTest"));
        assertThat(output).anyMatch(l -> l.matches("\\[INFO\\] Tests run: \\d+, Failures: 0, Errors: 0, Skipped: 0"));

        Path jar = out.resolve("commentguard-spark-" + property("project.version") + "-all.jar");
        try (JarFile all = new JarFile(jar.toFile())) {
            assertThat(all.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("dev.commentguard.spark.Rescore");
            assertThat(all.getEntry("dev/commentguard/CommentScorer.class")).as("the library").isNotNull();
            assertThat(all.getEntry("dev/commentguard/model/default.model")).as("the default model").isNotNull();
            assertThat(all.getEntry("weka/core/Instances.class")).as("what the library needs").isNotNull();
            assertThat(all.stream().map(e -> e.getName()))
                    .as("Spark, Scala and Jackson, which the cluster provides; the command line's libraries, which the library leaves out")
                    .noneMatch(n -> n.startsWith("org/apache/spark/") || n.startsWith("scala/") || n.startsWith("com/fasterxml/")
                            || n.startsWith("picocli/") || n.startsWith("org/junit/"));
        }
    }

    private static String property(String name) {
        return ConsumerBuild.property(name);
    }
}
