package dev.commentguard.model;

import dev.commentguard.features.SparseVector;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SparseInstance;

import java.util.ArrayList;
import java.util.List;

/** Converts our sparse vectors into Weka instances. Stateless: thread-safe. */
final class WekaData {

    /** Named so that it can never clash with a feature name (the "class" word pitfall of StringToWordVector). */
    static final String CLASS_ATTRIBUTE = "cg_label";

    private WekaData() {
    }

    /** An empty data set with {@code dimension} numeric features followed by the nominal class. */
    static Instances header(int dimension, List<String> labels) {
        ArrayList<Attribute> attributes = new ArrayList<>(dimension + 1);
        for (int i = 0; i < dimension; i++) {
            attributes.add(new Attribute("f" + i));
        }
        attributes.add(new Attribute(CLASS_ATTRIBUTE, new ArrayList<>(labels)));
        Instances header = new Instances("commentguard", attributes, 0);
        header.setClassIndex(dimension);
        return header;
    }

    /** A sparse instance of {@code vector}; {@code classIndex} &lt; 0 leaves the class missing. */
    static Instance instance(SparseVector vector, Instances header, int classIndex) {
        return instance(vector, header, classIndex, 1);
    }

    /** A sparse instance of {@code vector} with a Weka instance weight (how many comments it counts as). */
    static Instance instance(SparseVector unsorted, Instances header, int classIndex, int weight) {
        SparseVector vector = unsorted.sorted(); // Weka's sparse instances need their indices in order
        int n = vector.size();
        int extra = classIndex >= 0 ? 1 : 0;
        int[] indices = new int[n + extra];
        double[] values = new double[n + extra];
        System.arraycopy(vector.indices(), 0, indices, 0, n);
        System.arraycopy(vector.values(), 0, values, 0, n);
        if (extra == 1) {
            indices[n] = header.classIndex();
            values[n] = classIndex;
        }
        SparseInstance instance = new SparseInstance(weight, values, indices, header.numAttributes());
        instance.setDataset(header);
        if (classIndex < 0) {
            instance.setClassMissing();
        }
        return instance;
    }

    /**
     * The data with every instance of integer weight {@code k > 1} repeated {@code k} times at weight 1: LibLINEAR
     * (liblinear-java 2.44, whose {@code Problem} has no instance weights, and Weka's wrapper of it) ignores Weka's
     * instance weights, and for its objective {@code k} copies of a comment are exactly a weight of {@code k}.
     * The data itself when every weight is 1.
     */
    static Instances replicated(Instances data) {
        boolean weighted = false;
        for (Instance x : data) {
            weighted |= x.weight() != 1;
        }
        if (!weighted) {
            return data;
        }
        Instances out = new Instances(data, data.numInstances());
        for (Instance x : data) {
            long copies = Math.round(x.weight());
            for (long k = 0; k < copies; k++) {
                Instance copy = (Instance) x.copy();
                copy.setWeight(1);
                out.add(copy);
            }
        }
        return out;
    }
}
