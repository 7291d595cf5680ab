package dev.commentguard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Maven build of a project that depends on the library (examples/embedder, spark/), run by an integration test as a
 * process of its own. {@code mvn verify} installs nothing, so the build's {@code install-file} puts the library in a
 * private repository under {@code target/}, which the process takes as its local repository; every other artifact
 * (Weka, Spark, Maven's plugins) comes from the local repository this build resolved its own from, read through a
 * {@code file:} URL, and from Maven Central only for what that one lacks. So it works on a clean clone with nothing
 * installed, and never sees a CommentGuard some earlier {@code mvn install} left in {@code ~/.m2}.
 */
final class ConsumerBuild {

    private ConsumerBuild() {
    }

    /**
     * Writes {@code settings.xml} into {@code work}: the build's local repository first, as a repository read through a
     * {@code file:} URL, and Maven Central after it for what that one lacks. A machine's local repository may hold a
     * dependency but not every descriptor the other project's resolution reads (a parent POM of a version that
     * mediation then drops): a clean clone on such a machine failed offline. Snapshots come from neither, so the
     * library is always the one this build put in the private repository. Checksums are ignored because a local
     * repository holds no checksum files, which would otherwise cost a warning and a stack trace per file in the log.
     */
    static Path settings(Path work) throws IOException {
        Path settings = work.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <profiles>
                    <profile>
                      <id>build-local-repository-then-central</id>
                      <repositories>
                        <repository>
                          <id>build-local-repository</id>
                          <url>%1$s</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </repository>
                        <repository>
                          <id>central</id>
                          <url>https://repo.maven.apache.org/maven2</url>
                          <snapshots><enabled>false</enabled></snapshots>
                        </repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository>
                          <id>build-local-repository</id>
                          <url>%1$s</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </pluginRepository>
                        <pluginRepository>
                          <id>central</id>
                          <url>https://repo.maven.apache.org/maven2</url>
                          <snapshots><enabled>false</enabled></snapshots>
                        </pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles>
                    <activeProfile>build-local-repository-then-central</activeProfile>
                  </activeProfiles>
                </settings>
                """.formatted(Path.of(property("embedder.mainRepository")).toUri()));
        return settings;
    }

    /**
     * Runs Maven in {@code project} with {@code arguments}, on the private repository, its output going to
     * {@code log}; fails, with the log's end, unless it succeeds within {@code minutes}.
     *
     * @return the log's lines
     */
    static List<String> run(Path project, Path settings, Path log, int minutes, String... arguments)
            throws IOException, InterruptedException {
        // -U: a failure cached in the repository by an earlier run is tried again.
        List<String> command = new ArrayList<>(List.of(maven(), "-B", "-U", "-s", settings.toString(),
                "-Dmaven.repo.local=" + property("embedder.repository"),
                "-Dcommentguard.version=" + property("project.version")));
        command.addAll(List.of(arguments));
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(p.isAlive() ? -1 : p.exitValue()).as("%s exited (-1: still running after %d minutes); %s:%n%s",
                String.join(" ", command), minutes, log,
                String.join("\n", output.subList(Math.max(0, output.size() - 80), output.size()))).isZero();
        return output;
    }

    static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property %s, which the failsafe configuration in pom.xml sets", name).isNotBlank();
        return value;
    }

    private static String maven() {
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        return Path.of(property("maven.home"), "bin", windows ? "mvn.cmd" : "mvn").toString();
    }
}
