package dev.verity.prover.zkml.train;

import java.util.function.ToIntFunction;

/**
 * How a float model and its quantized form do on labelled images: the accuracy of each and the
 * fraction of images on which they predict the same class.
 */
public record Evaluation(int images, double floatAccuracy, double quantizedAccuracy, double agreement) {

    /**
     * @param floatModel the float model's class for image k of {@code data}
     * @param quantized the quantized model's (integer interpreter's) class for image k
     */
    public static Evaluation of(Dataset data, ToIntFunction<Integer> floatModel, ToIntFunction<Integer> quantized) {
        int floatRight = 0;
        int quantizedRight = 0;
        int same = 0;
        for (int k = 0; k < data.size(); k++) {
            int f = floatModel.applyAsInt(k);
            int q = quantized.applyAsInt(k);
            floatRight += f == data.labels()[k] ? 1 : 0;
            quantizedRight += q == data.labels()[k] ? 1 : 0;
            same += f == q ? 1 : 0;
        }
        double n = Math.max(1, data.size());
        return new Evaluation(data.size(), floatRight / n, quantizedRight / n, same / n);
    }

    @Override
    public String toString() {
        return String.format("on %d held-out digits: float accuracy %.2f%%, quantized accuracy %.2f%%, "
                + "float/integer agreement %.2f%%", images, 100 * floatAccuracy, 100 * quantizedAccuracy,
                100 * agreement);
    }
}
