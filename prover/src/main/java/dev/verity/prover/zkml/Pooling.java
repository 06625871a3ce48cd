package dev.verity.prover.zkml;

/**
 * The 2 x 2, stride-2 pooling of a CNN after its convolution and ReLU.
 *
 * <p>In the integer model and its circuit, {@link #AVERAGE} is the sum of the four activations:
 * the quantizer folds the 1/4 into the dense layer's scale, so no division (and no rounding) is
 * needed. The files name the integer operation: {@code max2x2} and {@code sum2x2}.
 */
public enum Pooling implements QuantizedConvNet.Layer {
    MAX("max2x2"), AVERAGE("sum2x2");

    private final String fileName;

    Pooling(String fileName) {
        this.fileName = fileName;
    }

    /** The name in model files. */
    public String fileName() {
        return fileName;
    }

    /** The pooling a model file names, or null. */
    public static Pooling ofFileName(String name) {
        for (Pooling p : values()) {
            if (p.fileName.equals(name)) {
                return p;
            }
        }
        return null;
    }
}
