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
        SparseInstance instance = new SparseInstance(1.0, values, indices, header.numAttributes());
        instance.setDataset(header);
        if (classIndex < 0) {
            instance.setClassMissing();
        }
        return instance;
    }
}
