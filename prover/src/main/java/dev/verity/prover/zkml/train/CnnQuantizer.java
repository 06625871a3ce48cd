package dev.verity.prover.zkml.train;

import dev.verity.prover.zkml.DenseLayer;
import dev.verity.prover.zkml.Pooling;
import dev.verity.prover.zkml.QuantizedCnn;

/**
 * Quantizes a {@link FloatCnn} the way {@link MlpQuantizer} does an MLP: symmetric weights of
 * {@code weightBits} per layer, the convolution's rescale 2^shift calibrated on sample images so
 * that its largest activation there takes about {@code activationMax} steps (with the half-step
 * bias that makes the floor division round), and the logits kept unscaled.
 */
public final class CnnQuantizer {
    private CnnQuantizer() {
    }

    public static QuantizedCnn quantize(FloatCnn model, Dataset calibration, MlpQuantizer.Options options) {
        if (calibration.size() == 0) {
            throw new IllegalArgumentException("calibration needs at least one image");
        }
        double maxActivation = 0;
        for (int k = 0; k < calibration.size(); k++) {
            maxActivation = Math.max(maxActivation, model.maxActivation(calibration.scaled(k)));
        }
        double maxCode = (1L << (options.weightBits() - 1)) - 1;
        double inputScale = 1.0 / 255;

        double convWeightScale = weightScale(model.convWeights, maxCode);
        double convAccScale = inputScale * convWeightScale;
        int shift = 0;
        if (maxActivation > 0) {
            double target = maxActivation / options.activationMax();
            shift = (int) Math.round(Math.log(target / convAccScale) / Math.log(2));
            shift = Math.max(0, Math.min(DenseLayer.MAX_SHIFT, shift));
        }
        long[] convW = round(model.convWeights, convWeightScale);
        long half = shift > 0 ? 1L << (shift - 1) : 0;
        long[] convB = new long[model.channels()];
        for (int c = 0; c < convB.length; c++) {
            convB[c] = Math.round(model.convBias[c] / convAccScale) + half;
        }

        // an activation's step; average pooling's integer form is the sum, a quarter of a step
        double pooledScale = convAccScale * Math.pow(2, shift) / (model.pooling() == Pooling.AVERAGE ? 4 : 1);
        double denseWeightScale = weightScale(model.denseWeights, maxCode);
        double denseAccScale = pooledScale * denseWeightScale;
        long[] denseB = new long[model.classes()];
        for (int j = 0; j < denseB.length; j++) {
            denseB[j] = Math.round(model.denseBias[j] / denseAccScale);
        }
        int in = model.denseWeights.length / model.classes();
        DenseLayer dense = new DenseLayer(in, model.classes(), round(model.denseWeights, denseWeightScale), denseB, 0,
                false);
        return new QuantizedCnn(model.side(), model.channels(), model.kernel(), convW, convB, shift, model.pooling(),
                dense);
    }

    /** max|w| / maxCode: the scale of symmetric weight codes (1 for all-zero weights). */
    static double weightScale(double[] w, double maxCode) {
        double max = 0;
        for (double v : w) {
            max = Math.max(max, Math.abs(v));
        }
        return max > 0 ? max / maxCode : 1;
    }

    static long[] round(double[] w, double scale) {
        long[] q = new long[w.length];
        for (int k = 0; k < w.length; k++) {
            q[k] = Math.round(w[k] / scale);
        }
        return q;
    }
}
