package dev.verity.prover.zkml.train;

import java.util.Arrays;

/**
 * Labelled 8-bit images: {@code images[k]} holds {@code width * height} pixels in {@code [0, 255]}
 * row by row, {@code labels[k]} its class in {@code [0, classes)}.
 */
public record Dataset(int width, int height, int classes, int[][] images, int[] labels) {
    public Dataset {
        if (width < 1 || height < 1 || classes < 2) {
            throw new IllegalArgumentException("a dataset needs positive image sizes and at least two classes");
        }
        if (images.length != labels.length) {
            throw new IllegalArgumentException(images.length + " images but " + labels.length + " labels");
        }
        for (int k = 0; k < images.length; k++) {
            if (images[k].length != width * height) {
                throw new IllegalArgumentException("image " + k + " has " + images[k].length + " pixels, expected "
                        + width * height);
            }
            if (labels[k] < 0 || labels[k] >= classes) {
                throw new IllegalArgumentException("label " + k + " = " + labels[k] + " is not in [0, " + classes + ")");
            }
        }
    }

    public int size() {
        return images.length;
    }

    public int pixels() {
        return width * height;
    }

    /** The images at {@code indices}, in that order. */
    public Dataset select(int[] indices) {
        int[][] im = new int[indices.length][];
        int[] lb = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            im[k] = images[indices[k]];
            lb[k] = labels[indices[k]];
        }
        return new Dataset(width, height, classes, im, lb);
    }

    /** The first {@code n} images (all when there are fewer). */
    public Dataset first(int n) {
        int[] idx = new int[Math.min(n, size())];
        Arrays.setAll(idx, k -> k);
        return select(idx);
    }

    /** The pixels of image k scaled to {@code [0, 1]}: what the float models see. */
    public double[] scaled(int k) {
        return scale(images[k]);
    }

    public static double[] scale(int[] pixels) {
        double[] x = new double[pixels.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = pixels[i] / 255.0;
        }
        return x;
    }
}
