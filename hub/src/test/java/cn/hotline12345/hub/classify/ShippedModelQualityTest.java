package cn.hotline12345.hub.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shipped models on the held-out fifth of the project's corpus; floors sit a few points under the measured figures. */
class ShippedModelQualityTest {

    @Test
    void categoryModelKeepsItsMacroF1() {
        Evaluation evaluation = Evaluation.of(
                ShippedModels.load(ShippedModels.Target.CATEGORY),
                ShippedModels.heldOut(ShippedModels.Target.CATEGORY));
        assertThat(evaluation.examples()).isGreaterThan(400);
        assertThat(evaluation.perClass()).hasSize(15);
        assertThat(evaluation.macroF1()).isGreaterThan(0.60);
    }

    @Test
    void typeModelKeepsItsMacroF1() {
        Evaluation evaluation = Evaluation.of(
                ShippedModels.load(ShippedModels.Target.TYPE), ShippedModels.heldOut(ShippedModels.Target.TYPE));
        assertThat(evaluation.perClass()).hasSize(7);
        assertThat(evaluation.macroF1()).isGreaterThan(0.85);
    }

    @Test
    void heldOutTextsWereNeverTrainedOn() {
        assertThat(ShippedModels.trainingSet(ShippedModels.Target.TYPE))
                .noneMatch(example -> ShippedModels.isHeldOut(example.text()));
    }
}
