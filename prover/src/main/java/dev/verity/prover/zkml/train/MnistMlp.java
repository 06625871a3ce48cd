package dev.verity.prover.zkml.train;

import dev.verity.prover.zkml.QuantizedMlp;

/**
 * The MNIST MLP recipe: 784-56-10 with ReLU, trained with Adam (batch 32, learning rate 0.001)
 * on the training digits, quantized to int8 weights with activations calibrated on the training
 * digits, evaluated on the held-out digits.
 */
public final class MnistMlp {
    public static final int HIDDEN = 56;
    public static final int BATCH = 32;
    public static final double LEARNING_RATE = 1e-3;

    /** The trained float model, its quantized form and how both do on the held-out digits. */
    public record Trained(FloatMlp floatModel, QuantizedMlp quantized, Evaluation evaluation) {
    }

    private MnistMlp() {
    }

    public static Trained train(MnistDigits.Split split, int epochs, long seed) {
        FloatMlp model = Trainer.train(FloatMlp.initialize(seed, MnistDigits.PIXELS, HIDDEN, MnistDigits.CLASSES),
                split.train(), new Trainer.Options(epochs, BATCH, LEARNING_RATE, seed));
        QuantizedMlp quantized = MlpQuantizer.quantize(model, split.train(), MlpQuantizer.INT8);
        Dataset test = split.test();
        Evaluation evaluation = Evaluation.of(test, k -> model.predict(test.scaled(k)),
                k -> quantized.predict(test.images()[k]));
        return new Trained(model, quantized, evaluation);
    }
}
