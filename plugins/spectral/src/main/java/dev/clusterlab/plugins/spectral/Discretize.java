package dev.clusterlab.plugins.spectral;

import java.util.SplittableRandom;

/**
 * {@code assign_labels: discretize}: Yu and Shi's (2003) multiclass discretisation, with scikit-learn
 * 1.2.1's {@code discretize} rules. Each column of the embedding is scaled to length {@code sqrt(n)} and
 * signed so that its first entry is negative, each row normalised to unit length; an initial rotation
 * starts from a random row (from the seed) and adds, one by one, the rows most orthogonal to those
 * chosen; then alternate: labels = the column of each row's largest entry of {@code X R}, and {@code R}
 * = {@code V U^T} from the SVD {@code U S V^T} of {@code X_discrete^T X}, until the objective
 * {@code 2 (n - sum S)} changes by less than double's epsilon or after 20 iterations. A row of zeros
 * (a point of a component the embedding left out) stays zero and goes to label 0's column of ties.
 */
final class Discretize {
    /** scikit-learn's {@code n_iter_max}. */
    static final int MAX_ITERATIONS = 20;

    private Discretize() {
    }

    /**
     * @param embedding row-major {@code n x k}; not modified
     * @return labels in {@code [0, k)} (some may be unused)
     */
    static int[] labels(double[] embedding, int n, int k, long seed) {
        double[] x = embedding.clone();
        double normOnes = Math.sqrt(n);
        for (int c = 0; c < k; c++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += x[i * k + c] * x[i * k + c];
            }
            double f = s > 0 ? normOnes / Math.sqrt(s) : 0;
            if (x[c] * f > 0) {
                f = -f;
            }
            for (int i = 0; i < n; i++) {
                x[i * k + c] *= f;
            }
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int c = 0; c < k; c++) {
                s += x[i * k + c] * x[i * k + c];
            }
            if (s > 0) {
                double f = 1 / Math.sqrt(s);
                for (int c = 0; c < k; c++) {
                    x[i * k + c] *= f;
                }
            }
        }
        // Initial rotation: columns are rows of x, as orthogonal to each other as possible.
        double[][] rot = new double[k][k]; // rot[row][col]
        int first = new SplittableRandom(seed).nextInt(n);
        for (int c = 0; c < k; c++) {
            rot[c][0] = x[first * k + c];
        }
        double[] acc = new double[n];
        for (int j = 1; j < k; j++) {
            int arg = 0;
            for (int i = 0; i < n; i++) {
                double dot = 0;
                for (int c = 0; c < k; c++) {
                    dot += x[i * k + c] * rot[c][j - 1];
                }
                acc[i] += Math.abs(dot);
                if (acc[i] < acc[arg]) {
                    arg = i;
                }
            }
            for (int c = 0; c < k; c++) {
                rot[c][j] = x[arg * k + c];
            }
        }
        int[] labels = new int[n];
        double last = 0;
        for (int iteration = 1; ; iteration++) {
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bestValue = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    double s = 0;
                    for (int c = 0; c < k; c++) {
                        s += x[i * k + c] * rot[c][j];
                    }
                    if (s > bestValue) {
                        bestValue = s;
                        best = j;
                    }
                }
                labels[i] = best;
            }
            // t = X_discrete^T X: row l sums the rows labelled l.
            double[][] t = new double[k][k];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < k; c++) {
                    t[labels[i]][c] += x[i * k + c];
                }
            }
            SmallSvd svd = SmallSvd.of(t);
            double sum = 0;
            for (double s : svd.s) {
                sum += s;
            }
            double ncut = 2 * (n - sum);
            if (Math.abs(ncut - last) < Math.ulp(1.0) || iteration > MAX_ITERATIONS) {
                return labels;
            }
            last = ncut;
            // R = V U^T = (U V^T)^T.
            double[][] uvt = svd.uvt();
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    rot[i][j] = uvt[j][i];
                }
            }
        }
    }
}
