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
 * Thread-safe.
 */
final class ClassifierPool {

    private final byte[] serialized;
    private final ConcurrentLinkedQueue<Classifier> idle = new ConcurrentLinkedQueue<>();

    ClassifierPool(byte[] serialized, Classifier first) {
        this.serialized = serialized;
        idle.add(first);
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

    /** The serialised classifier, as stored in the model file. */
    byte[] serialized() {
        return serialized.clone();
    }

    /** A classifier for inspection only; callers must not score with it concurrently. */
    Classifier peek() {
        Classifier c = idle.peek();
        return c != null ? c : copy();
    }

    private Classifier copy() {
        try {
            return SafeSerialization.deserialize(serialized, Classifier.class, "in-memory model");
        } catch (ModelFileException e) {
            throw new UncheckedIOException(e);
        }
    }
}
