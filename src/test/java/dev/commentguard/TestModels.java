package dev.commentguard;

import dev.commentguard.model.Model;
import dev.commentguard.training.Trainer;
import dev.commentguard.training.TrainingOptions;

/** A small model trained once per test run from {@link TestData}, shared by the tests that need one. */
public final class TestModels {

    private static Model small;

    private TestModels() {
    }

    public static synchronized Model small() {
        if (small == null) {
            small = Trainer.train(TestData.threeClasses(40, 7), TrainingOptions.defaults().withFolds(3),
                    dev.commentguard.training.ProgressListener.NONE).model();
        }
        return small;
    }
}
