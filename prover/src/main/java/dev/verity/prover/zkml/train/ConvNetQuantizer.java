package dev.verity.prover.zkml.train;

import dev.verity.prover.zkml.ConvLayer;
import dev.verity.prover.zkml.DenseLayer;
import dev.verity.prover.zkml.Pooling;
import dev.verity.prover.zkml.QuantizedConvNet;
import java.util.ArrayList;
import java.util.List;

/**
 * Quantizes a {@link FloatConvNet} layer by layer as {@link MlpQuantizer} does an MLP: symmetric
 * weights of {@code weightBits} per layer, each hidden layer's rescale 2^shift calibrated on sample
 * images so that its largest activation there takes about {@code activationMax} steps (with the
 * half-step bias that makes the floor division round), the logits kept unscaled. Max pooling keeps
 * its input's scale; average pooling's integer form is the sum, a quarter of it.
 */
public final class ConvNetQuantizer {
    private ConvNetQuantizer() {
    }

    public static QuantizedConvNet quantize(FloatConvNet model, Dataset calibration, MlpQuantizer.Options options) {
        if (calibration.size() == 0) {
            throw new IllegalArgumentException("calibration needs at least one image");
        }
        List<FloatConvNet.Layer> layers = model.layers();
        double[] maxActivation = new double[layers.size()];
        for (int k = 0; k < calibration.size(); k++) {
            double[][] a = model.activations(calibration.scaled(k));
            for (int l = 0; l < layers.size(); l++) {
                for (double v : a[l]) {
                    maxActivation[l] = Math.max(maxActivation[l], Math.abs(v));
                }
            }
        }
        double maxCode = (1L << (options.weightBits() - 1)) - 1;
        double scale = 1.0 / 255;
        List<QuantizedConvNet.Layer> out = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            boolean last = l == layers.size() - 1;
            switch (layers.get(l)) {
                case FloatConvNet.Conv c -> {
                    double weightScale = CnnQuantizer.weightScale(c.weights(), maxCode);
                    double accScale = scale * weightScale;
                    int shift = shift(maxActivation[l], accScale, options);
                    out.add(new ConvLayer(c.in(), c.out(), c.kernel(), c.pad(),
                            CnnQuantizer.round(c.weights(), weightScale), bias(c.bias(), accScale, shift), shift,
                            c.relu()));
                    scale = accScale * Math.pow(2, shift);
                }
                case FloatConvNet.Pool p -> {
                    out.add(p.pooling());
                    scale /= p.pooling() == Pooling.AVERAGE ? 4 : 1;
                }
                case FloatConvNet.Dense d -> {
                    double weightScale = CnnQuantizer.weightScale(d.weights(), maxCode);
                    double accScale = scale * weightScale;
                    int shift = last ? 0 : shift(maxActivation[l], accScale, options);
                    out.add(new DenseLayer(d.in(), d.out(), CnnQuantizer.round(d.weights(), weightScale),
                            bias(d.bias(), accScale, shift), shift, d.relu()));
                    scale = accScale * Math.pow(2, shift);
                }
            }
        }
        return new QuantizedConvNet(model.side(), out);
    }

    /** The shift whose output scale comes nearest (in log scale) to maxActivation / activationMax. */
    private static int shift(double maxActivation, double accScale, MlpQuantizer.Options options) {
        if (maxActivation <= 0) {
            return 0;
        }
        double target = maxActivation / options.activationMax();
        int shift = (int) Math.round(Math.log(target / accScale) / Math.log(2));
        return Math.max(0, Math.min(DenseLayer.MAX_SHIFT, shift));
    }

    private static long[] bias(double[] b, double accScale, int shift) {
        long half = shift > 0 ? 1L << (shift - 1) : 0;
        long[] q = new long[b.length];
        for (int j = 0; j < q.length; j++) {
            q[j] = Math.round(b[j] / accScale) + half;
        }
        return q;
    }
}
