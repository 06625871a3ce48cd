package dev.verity.prover.zkml.train;

import dev.verity.prover.zkml.Pooling;
import dev.verity.prover.zkml.QuantizedCnn;

/**
 * The MNIST CNN recipe: {@value #CHANNELS} filters of 5 x 5 with ReLU (28 x 28 -> 24 x 24), 2 x 2
 * max pooling (-> 12 x 12), a dense layer to the 10 logits; trained with Adam (batch 32,
 * learning rate 0.003), quantized to int8 weights with the activations calibrated on the
 * training digits, evaluated on the held-out digits.
 */
public final class MnistCnn {
    public static final int CHANNELS = 6;
    public static final int KERNEL = 5;
    public static final int BATCH = 32;
    public static final double LEARNING_RATE = 3e-3;

    /** The trained float model, its quantized form and how both do on the held-out digits. */
    public record Trained(FloatCnn floatModel, QuantizedCnn quantized, Evaluation evaluation) {
    }

    private MnistCnn() {
    }

    public static Trained train(MnistDigits.Split split, int epochs, long seed) {
        return train(split, epochs, seed, Pooling.MAX);
    }

    /** {@link #train} with the pooling chosen. */
    public static Trained train(MnistDigits.Split split, int epochs, long seed, Pooling pooling) {
        FloatCnn model = Trainer.train(FloatCnn.initialize(seed, MnistDigits.SIDE, CHANNELS, KERNEL,
                MnistDigits.CLASSES, pooling), split.train(), new Trainer.Options(epochs, BATCH, LEARNING_RATE, seed));
        QuantizedCnn quantized = CnnQuantizer.quantize(model, split.train(), MlpQuantizer.INT8);
        Dataset test = split.test();
        Evaluation evaluation = Evaluation.of(test, k -> model.predict(test.scaled(k)),
                k -> quantized.predict(test.images()[k]));
        return new Trained(model, quantized, evaluation);
    }
}
