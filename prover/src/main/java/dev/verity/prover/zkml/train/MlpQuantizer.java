package dev.verity.prover.zkml.train;

import dev.verity.prover.zkml.DenseLayer;
import dev.verity.prover.zkml.QuantizedMlp;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a float MLP into a {@link QuantizedMlp} with per-layer fixed-point scales chosen by
 * calibration on sample images.
 *
 * <p>Every value has a scale s (real = s * integer). The input is the 8-bit pixel, s_0 = 1/255.
 * Layer l quantizes its weights symmetrically to {@code weightBits} signed bits,
 * s_w = max|W| / (2^(weightBits-1) - 1), so its integer accumulator has scale s_0 s_w and its
 * bias is {@code round(b / (s_0 s_w))}. A hidden layer then rescales by 2^shift: the calibration
 * runs the float model on the sample images, and the shift is the one whose output scale
 * {@code s_0 s_w 2^shift} comes nearest (in log scale) to {@code max activation / activationMax},
 * so the observed activations fill about {@code activationMax} integer steps. Half of 2^shift is
 * added to the bias, which makes the interpreter's floor division round to nearest. The last layer
 * keeps its accumulator (shift 0): exact logits cost the circuit no rescale.
 */
public final class MlpQuantizer {
    /** Quantization settings. */
    public record Options(int weightBits, int activationMax) {
        public Options {
            if (weightBits < 2 || weightBits > 24 || activationMax < 1) {
                throw new IllegalArgumentException("weight bits must be in [2, 24], activationMax positive");
            }
        }
    }

    /** int8 weights, activations calibrated to about 8 bits. */
    public static final Options INT8 = new Options(8, 255);

    private MlpQuantizer() {
    }

    public static QuantizedMlp quantize(FloatMlp model, Dataset calibration, Options options) {
        if (calibration.size() == 0) {
            throw new IllegalArgumentException("calibration needs at least one image");
        }
        double[] maxActivation = new double[model.layers()];
        for (int k = 0; k < calibration.size(); k++) {
            double[][] h = model.activations(calibration.scaled(k));
            for (int l = 0; l < model.layers(); l++) {
                for (double v : h[l + 1]) {
                    maxActivation[l] = Math.max(maxActivation[l], Math.abs(v));
                }
            }
        }
        double maxWeightCode = (1L << (options.weightBits() - 1)) - 1;
        double inputScale = 1.0 / 255;
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l < model.layers(); l++) {
            double[] w = model.weights[l];
            double maxWeight = 0;
            for (double v : w) {
                maxWeight = Math.max(maxWeight, Math.abs(v));
            }
            double weightScale = maxWeight > 0 ? maxWeight / maxWeightCode : 1;
            double accumulatorScale = inputScale * weightScale;
            boolean hidden = l + 1 < model.layers();
            int shift = 0;
            if (hidden && maxActivation[l] > 0) {
                double target = maxActivation[l] / options.activationMax();
                shift = (int) Math.round(Math.log(target / accumulatorScale) / Math.log(2));
                shift = Math.max(0, Math.min(DenseLayer.MAX_SHIFT, shift));
            }
            long[] wq = new long[w.length];
            for (int k = 0; k < w.length; k++) {
                wq[k] = Math.round(w[k] / weightScale);
            }
            long[] bq = new long[model.out(l)];
            long half = shift > 0 ? 1L << (shift - 1) : 0;
            for (int j = 0; j < bq.length; j++) {
                bq[j] = Math.round(model.bias[l][j] / accumulatorScale) + half;
            }
            layers.add(new DenseLayer(model.in(l), model.out(l), wq, bq, shift, hidden));
            inputScale = accumulatorScale * Math.pow(2, shift);
        }
        return new QuantizedMlp(model.in(0), layers);
    }
}
