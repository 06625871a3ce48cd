package dev.verity.prover.zkml.train;

/**
 * Adam (Kingma and Ba) over a list of parameter arrays, updated in place from gradients of the
 * same shapes: {@code m = b1 m + (1 - b1) g}, {@code v = b2 v + (1 - b2) g^2},
 * {@code p -= lr * m_hat / (sqrt(v_hat) + eps)} with the bias-corrected moments.
 */
final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double[][] params;
    private final double[][] m;
    private final double[][] v;
    private final double learningRate;
    private int step;

    Adam(double[][] params, double learningRate) {
        this.params = params;
        this.learningRate = learningRate;
        this.m = new double[params.length][];
        this.v = new double[params.length][];
        for (int k = 0; k < params.length; k++) {
            m[k] = new double[params[k].length];
            v[k] = new double[params[k].length];
        }
    }

    /** One update from {@code grads} (the mean gradient of a batch), same layout as the parameters. */
    void update(double[][] grads) {
        step++;
        double c1 = 1 - Math.pow(BETA1, step);
        double c2 = 1 - Math.pow(BETA2, step);
        for (int k = 0; k < params.length; k++) {
            double[] p = params[k];
            double[] g = grads[k];
            double[] mk = m[k];
            double[] vk = v[k];
            for (int i = 0; i < p.length; i++) {
                mk[i] = BETA1 * mk[i] + (1 - BETA1) * g[i];
                vk[i] = BETA2 * vk[i] + (1 - BETA2) * g[i] * g[i];
                p[i] -= learningRate * (mk[i] / c1) / (Math.sqrt(vk[i] / c2) + EPSILON);
            }
        }
    }
}
