package dev.verity.prover.poly;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Runs a loop body over [from, to) split into contiguous chunks on the common ForkJoin pool (the
 * calling thread takes part), or inline when the range is too small to be worth splitting.
 */
final class ParallelRange {
    /** The work on one chunk [from, to). */
    @FunctionalInterface
    interface Body {
        void run(int from, int to);
    }

    private ParallelRange() {
    }

    /** Workers that can run at once: the pool's plus the calling thread. */
    static int workers() {
        return ForkJoinPool.getCommonPoolParallelism() + 1;
    }

    /** Calls {@code body} on chunks covering [from, to), none shorter than {@code minChunk} unless the range is. */
    static void forEach(int from, int to, int minChunk, Body body) {
        int count = to - from;
        // A few chunks per worker balance the load without much splitting overhead.
        int chunk = Math.max(minChunk, (count + 4 * workers() - 1) / (4 * workers()));
        if (count <= chunk || workers() == 1) {
            if (count > 0) {
                body.run(from, to);
            }
            return;
        }
        new Split(from, to, chunk, body).invoke();
    }

    private static final class Split extends RecursiveAction {
        private final int from;
        private final int to;
        private final int chunk;
        private final Body body;

        Split(int from, int to, int chunk, Body body) {
            this.from = from;
            this.to = to;
            this.chunk = chunk;
            this.body = body;
        }

        @Override
        protected void compute() {
            if (to - from <= chunk) {
                body.run(from, to);
                return;
            }
            int mid = from + (to - from) / 2;
            invokeAll(new Split(from, mid, chunk, body), new Split(mid, to, chunk, body));
        }
    }
}
