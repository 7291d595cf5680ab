package dev.commentguard.model;

import dev.commentguard.ModelFileException;
import weka.classifiers.Classifier;
import weka.core.Instance;

import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Hands each calling thread a private copy of a Weka classifier. Weka classifiers keep per-call scratch
 * state (filters, tokenizers, buffers), so one instance must never serve two threads at once; instead
 * the pool keeps the serialised classifier and a queue of idle copies, making a new copy only when all
 * are busy. The number of copies therefore never exceeds the peak number of concurrent callers.
 *
 * <p>A pool made by {@link #lazy} holds only a way to read the serialised classifier and deserialises
 * nothing until a caller needs the classifier: a model scored through {@link LinearPath} never does.
 * Thread-safe.
 */
final class ClassifierPool {

    /** Where the serialised classifier comes from when it is first needed. */
    interface Source {
        /** The serialised classifier, checked; called at most once per pool. */
        byte[] read() throws ModelFileException;
    }

    private final Source source;
    /** Names the classifier's origin in error messages. */
    private final String origin;
    private volatile byte[] serialized;
    private final ConcurrentLinkedQueue<Classifier> idle = new ConcurrentLinkedQueue<>();

    ClassifierPool(byte[] serialized, Classifier first) {
        this.source = null;
        this.origin = "in-memory model";
        this.serialized = serialized;
        idle.add(first);
    }

    private ClassifierPool(Source source, String origin) {
        this.source = source;
        this.origin = origin;
    }

    /** A pool that reads and deserialises its classifier only on first use; {@code origin} names it in errors. */
    static ClassifierPool lazy(Source source, String origin) {
        return new ClassifierPool(source, origin);
    }

    /** The class probabilities for {@code instance}, from a copy no other thread is using. */
    double[] distribution(Instance instance) {
        Classifier c = idle.poll();
        if (c == null) {
            c = copy();
        }
        try {
            return c.distributionForInstance(instance);
        } catch (Exception e) {
            throw new IllegalStateException("Weka could not score an instance: " + e, e);
        } finally {
            idle.add(c);
        }
    }

    /**
     * The serialised classifier, as stored in the model file.
     *
     * @throws UncheckedIOException wrapping a {@link ModelFileException} when a lazily read classifier is corrupt
     */
    byte[] serialized() {
        return bytes().clone();
    }

    /** A classifier for inspection only; callers must not score with it concurrently. */
    Classifier peek() {
        Classifier c = idle.peek();
        if (c == null) {
            c = copy();
            idle.add(c);
        }
        return c;
    }

    private byte[] bytes() {
        byte[] b = serialized;
        if (b == null) {
            synchronized (this) {
                b = serialized;
                if (b == null) {
                    try {
                        b = source.read();
                    } catch (ModelFileException e) {
                        throw new UncheckedIOException(e);
                    }
                    serialized = b;
                }
            }
        }
        return b;
    }

    private Classifier copy() {
        try {
            return SafeSerialization.deserialize(bytes(), Classifier.class, origin);
        } catch (ModelFileException e) {
            throw new UncheckedIOException(e);
        }
    }
}
