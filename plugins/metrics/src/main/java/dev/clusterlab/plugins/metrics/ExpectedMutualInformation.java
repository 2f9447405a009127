package dev.clusterlab.plugins.metrics;

import dev.clusterlab.api.exec.ExecutionContext;
import java.util.List;

/**
 * The expected mutual information of two partitions with the marginals of a contingency table, under
 * the permutation (hypergeometric) model of Vinh, Epps and Bailey (2010), eq. 24a:
 * {@code E[I] = Σ_i Σ_j Σ_{n_ij} (n_ij/N) ln(N n_ij / (a_i b_j)) P(n_ij | a_i, b_j, N)}, where
 * {@code n_ij} runs from {@code max(1, a_i + b_j - N)} to {@code min(a_i, b_j)} and
 * {@code P = a! b! (N-a)! (N-b)! / (N! n_ij! (a-n_ij)! (b-n_ij)! (N-a-b+n_ij)!)} is evaluated as the
 * exponential of a sum of log-factorials. Terms, their grouping and the loop order are those of
 * scikit-learn 1.2.1's {@code _expected_mutual_info_fast}, in {@code double}.
 *
 * <p>Cost: {@code Σ_ij (min(a_i, b_j) - max(1, a_i + b_j - N) + 1)} terms, each an {@code exp} and a
 * few table reads; that is at most {@code N · min(R, C)} for {@code R} classes and {@code C} groups
 * (and at least {@code R · C}), so {@code O(R · C · N)} in the worst case: about {@code N^1.5} when
 * both partitions have {@code √N} groups of {@code √N} rows, a few seconds at a million rows, while a
 * million singletons against ten classes is only {@code 10⁷} terms. Memory: the {@code ln m!} table,
 * {@code 8 (N + 1)} bytes. Small sums (up to {@value #SEQUENTIAL} terms) run in one accumulator in
 * scikit-learn's order; larger ones are cut into chunks of rows of the longer marginal, summed in chunk
 * order, so the value depends on the table only, never on the thread count.
 */
final class ExpectedMutualInformation {
    /** Up to this many terms one thread sums everything in scikit-learn's order (a few milliseconds). */
    static final long SEQUENTIAL = 1L << 18;
    /** Target number of terms per parallel chunk. */
    private static final long TERMS_PER_CHUNK = 1L << 20;

    private ExpectedMutualInformation() {
    }

    /**
     * @param t the contingency table
     * @param context threads and cancellation
     * @return {@code E[I]} in nats; 0 when either partition is a single group
     */
    static double of(Contingency t, ExecutionContext context) {
        if (t.classCount() == 1 || t.clusterCount() == 1) {
            return 0.0; // a partition without entropy shares none, whatever the permutation
        }
        int n = Math.toIntExact(t.n());
        long work = 0;
        for (long a : t.classSizes()) {
            for (long b : t.clusterSizes()) {
                work += Math.min(a, b) - Math.max(1, a + b - n) + 1;
            }
        }
        long largest = 0;
        for (long a : t.classSizes()) {
            largest = Math.max(largest, a);
        }
        for (long b : t.clusterSizes()) {
            largest = Math.max(largest, b);
        }
        Terms terms = new Terms(n, (int) largest, LogFactorials.upTo(n, context));
        if (work <= SEQUENTIAL) {
            return terms.sum(t.classSizes(), t.clusterSizes(), 0, t.classCount(), 0.0);
        }
        // Parallel: rows of the longer marginal (the formula is symmetric in a and b), in chunks of about
        // TERMS_PER_CHUNK terms, whose boundaries depend on the table alone.
        boolean classesOuter = t.classCount() >= t.clusterCount();
        long[] outer = classesOuter ? t.classSizes() : t.clusterSizes();
        long[] inner = classesOuter ? t.clusterSizes() : t.classSizes();
        int chunkRows = (int) Math.max(1, Math.min(outer.length, TERMS_PER_CHUNK * outer.length / work));
        List<Double> partial = context.parallel().mapChunks(outer.length, chunkRows, (chunk, from, to) -> {
            context.checkCancelled();
            return terms.sum(outer, inner, from, to, 0.0);
        });
        double emi = 0.0;
        for (double p : partial) {
            emi += p;
        }
        return emi;
    }

    /** The per-term quantities that depend only on {@code N}, and the loop over a range of rows. */
    private static final class Terms {
        private final int n;
        private final double[] logFactorial;
        /** {@code ln N + ln m}, scikit-learn's {@code log_Nnij}, for {@code m = 1..largest}. */
        private final double[] logNm;

        Terms(int n, int largest, double[] logFactorial) {
            this.n = n;
            this.logFactorial = logFactorial;
            double logN = Math.log(n);
            this.logNm = new double[largest + 1];
            for (int m = 1; m <= largest; m++) {
                logNm[m] = logN + Math.log(m);
            }
        }

        /** Adds the terms of rows {@code [from, to)} of {@code rows} against every column to {@code emi}. */
        double sum(long[] rows, long[] cols, int from, int to, double emi) {
            double[] lf = logFactorial;
            double glnN = lf[n];
            for (int i = from; i < to; i++) {
                int a = (int) rows[i];
                double logA = Math.log(a);
                double glnA = lf[a];
                double glnNa = lf[n - a];
                for (long bl : cols) {
                    int b = (int) bl;
                    double logB = Math.log(b);
                    double head = glnA + lf[b] + glnNa + lf[n - b];
                    int end = Math.min(a, b);
                    for (int nij = Math.max(1, a + b - n); nij <= end; nij++) {
                        double term2 = logNm[nij] - logA - logB;
                        double gln = head - glnN - lf[nij] - lf[a - nij] - lf[b - nij] - lf[n - a - b + nij];
                        emi += (nij / (double) n) * term2 * Math.exp(gln);
                    }
                }
            }
            return emi;
        }
    }
}
