package dev.commentguard;

import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class LoadDefaultTest {

    /** Loads our classes anew, from the compiled classes only, hiding the bundled model as a jar built without it would. */
    private static final class WithoutDefaultModel extends URLClassLoader {
        WithoutDefaultModel() throws Exception {
            super(new URL[] {Path.of(CommentScorer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toURL()},
                    CommentScorer.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (!name.startsWith("dev.commentguard.")) {
                    return super.loadClass(name, resolve);
                }
                Class<?> c = findLoadedClass(name);
                return c != null ? c : findClass(name);
            }
        }

        @Override
        public URL getResource(String name) {
            return name.endsWith("default.model") ? null : super.getResource(name);
        }
    }

    @Test
    void aJarWithoutItsModelSaysSoAsDocumentedEveryTimeItIsAsked() throws Exception {
        try (WithoutDefaultModel loader = new WithoutDefaultModel()) {
            Method loadDefault = loader.loadClass(CommentScorer.class.getName()).getMethod("loadDefault");
            for (int attempt = 1; attempt <= 2; attempt++) {
                Throwable thrown = catchThrowable(() -> loadDefault.invoke(null));
                assertThat(thrown).as("attempt %d", attempt).isInstanceOf(InvocationTargetException.class);
                assertThat(thrown.getCause()).as("attempt %d", attempt).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("default model");
            }
        }
    }

    @Test
    void theShippedModelLoadsOnceAndIsShared() {
        assertThat(CommentScorer.loadDefault()).isSameAs(CommentScorer.loadDefault());
    }
}
