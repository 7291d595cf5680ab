package dev.commentguard;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The artifacts as they leave the build (run by failsafe after {@code package}): the library jar an embedder depends
 * on, and what {@code target/commentguard.jar} is made of.
 *
 * <p>The embedder is {@code examples/embedder}, built and run by a Maven process of its own, on the library
 * this build made ({@link ConsumerBuild}).
 */
class EmbedderIT {

    /** What an embedder must not get: the command line's, the charts' and the reports' libraries, and JUnit. */
    private static final List<String> NOT_FOR_EMBEDDERS = List.of("junit", "picocli", "pdfbox", "fontbox", "xchart", "sqlite-jdbc",
            "progressbar", "jline");
    /** Test libraries, none of which may reach the runtime scope (and so the shaded command-line jar). */
    private static final List<String> TEST_LIBRARIES = List.of("junit", "opentest4j", "apiguardian", "assertj", "jmh",
            "jazzer");

    @Test
    void aServiceDependingOnTheLibraryScoresFromEightThreadsAndGetsNothingOfTheCommandLine() throws Exception {
        Path work = Path.of(property("embedder.work"));
        deleteRecursively(work);
        Files.createDirectories(work);
        Path project = work.resolve("project");
        copyRecursively(Path.of(property("embedder.project")), project);
        Path settings = ConsumerBuild.settings(work);
        Path tree = work.resolve("dependency-tree.txt");
        Path classPath = work.resolve("class-path.txt");
        List<String> output = ConsumerBuild.run(project, settings, work.resolve("build.log"), 5,
                "compile", "exec:exec",
                "dependency:tree", "-DoutputFile=" + tree,
                "dependency:build-classpath", "-Dmdep.includeScope=runtime", "-Dmdep.outputFile=" + classPath);

        assertThat(output).contains("threads: 8, same verdict: 8");
        assertThat(output).anyMatch(l -> l.startsWith("verdict: spam ") && l.endsWith(" block"));
        assertThat(output).anyMatch(l -> l.startsWith("reasons: ") && l.contains("contains a phone number"));

        List<String> dependencies = Files.readAllLines(tree, StandardCharsets.UTF_8);
        assertThat(dependencies.get(0)).isEqualTo("dev.commentguard.examples:embedder:jar:1");
        assertThat(dependencies.get(1)).endsWith("- dev.commentguard:commentguard:jar:" + property("project.version") + ":compile");
        assertThat(dependencies).as("the embedder's dependency tree").noneMatch(l -> mentionsAny(l, NOT_FOR_EMBEDDERS));

        List<Path> jars = Stream.of(Files.readString(classPath).strip().split(File.pathSeparator)).map(Path::of).toList();
        long bytes = 0;
        for (Path jar : jars) {
            bytes += Files.size(jar);
        }
        assertThat(jars).hasSize(dependencies.size() - 1);
        System.out.printf(Locale.ROOT, "EmbedderIT: the embedder's class path is the library and %d other jars, %.1f MB%n",
                jars.size() - 1, bytes / 1e6);
    }

    @Test
    void theCommandLineJarIsMadeOfNoTestLibrary() throws IOException {
        List<String> runtime = Files.readAllLines(Path.of(property("embedder.runtimeDependencies")), StandardCharsets.UTF_8);
        assertThat(runtime).as("the runtime dependency tree").isNotEmpty().noneMatch(l -> mentionsAny(l, TEST_LIBRARIES));
        Path shaded = Path.of(property("embedder.libraryJar")).resolveSibling("commentguard.jar");
        try (JarFile jar = new JarFile(shaded.toFile())) {
            assertThat(jar.stream().map(e -> e.getName()))
                    .noneMatch(n -> n.startsWith("org/junit/") || n.startsWith("org/assertj/") || n.startsWith("org/openjdk/jmh/"));
        }
    }

    @Test
    void theLibraryJarNamesItsModuleCarriesItsLicenceAndTheDefaultModel() throws IOException {
        Path library = Path.of(property("embedder.libraryJar"));
        try (JarFile jar = new JarFile(library.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo("dev.commentguard");
            assertThat(new String(jar.getInputStream(jar.getEntry("META-INF/LICENSE")).readAllBytes(), StandardCharsets.UTF_8))
                    .contains("GNU GENERAL PUBLIC LICENSE", "Version 3, 29 June 2007");
            assertThat(jar.getEntry("dev/commentguard/model/default.model")).isNotNull();
        }
        String name = library.getFileName().toString().replaceFirst("\\.jar$", "");
        assertThat(library.resolveSibling(name + "-sources.jar")).isRegularFile();
        assertThat(library.resolveSibling(name + "-javadoc.jar")).isRegularFile();
    }

    private static boolean mentionsAny(String line, List<String> names) {
        String lower = line.toLowerCase(Locale.ROOT);
        return names.stream().anyMatch(lower::contains);
    }

    private static String property(String name) {
        return ConsumerBuild.property(name);
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(from)) {
            paths = walk.filter(p -> !from.relativize(p).startsWith("target")).toList();
        }
        for (Path source : paths) {
            Files.copy(source, to.resolve(from.relativize(source).toString()));
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path p : paths) {
            Files.delete(p);
        }
    }
}
