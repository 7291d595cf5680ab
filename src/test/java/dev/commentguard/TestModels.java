package dev.commentguard;

import dev.commentguard.model.Model;
import dev.commentguard.training.Trainer;
import dev.commentguard.training.TrainingOptions;

/** A small model trained once per test run from {@link TestData}, shared by the tests that need one. */
public final class TestModels {

    private static Model small;
    private static Model smallVersion2;

    private TestModels() {
    }

    public static synchronized Model small() {
        if (small == null) {
            small = Trainer.train(TestData.threeClasses(40, 7), TrainingOptions.defaults().withFolds(3),
                    dev.commentguard.training.ProgressListener.NONE).model();
        }
        return small;
    }

    /** The same, trained with feature version 2: for the rules that keep older models' verdicts as they were. */
    public static synchronized Model smallVersion2() {
        if (smallVersion2 == null) {
            var features = new dev.commentguard.features.FeatureSettings(dev.commentguard.features.NgramSettings.DEFAULT, true,
                    dev.commentguard.features.FeatureSettings.DEFAULT_SIGNAL_WEIGHT, dev.commentguard.features.FeatureSettings.NgramText.MARKED, 2);
            smallVersion2 = Trainer.train(TestData.threeClasses(40, 7), TrainingOptions.defaults().withFolds(3).withFeatures(features),
                    dev.commentguard.training.ProgressListener.NONE).model();
        }
        return smallVersion2;
    }
}
