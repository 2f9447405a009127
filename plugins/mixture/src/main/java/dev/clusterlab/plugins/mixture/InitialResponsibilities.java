package dev.clusterlab.plugins.mixture;

/**
 * The responsibilities EM starts from (scikit-learn's {@code resp} passed to {@code _initialize}): one-hot
 * by a component per row ({@code -1}: the row starts in no component, as the rows k-means++ and
 * random_from_data do not pick), or dense {@code n x k}.
 */
interface InitialResponsibilities {

    /**
     * Writes the responsibilities of rows {@code from .. from + len - 1} component-major:
     * {@code out[c * stride + r]}.
     */
    void fill(int from, int len, int k, double[] out, int stride);

    /** @return one-hot responsibilities of the given components ({@code -1}: none) */
    static InitialResponsibilities oneHot(int[] component) {
        return (from, len, k, out, stride) -> {
            for (int c = 0; c < k; c++) {
                java.util.Arrays.fill(out, c * stride, c * stride + len, 0.0);
            }
            for (int r = 0; r < len; r++) {
                int c = component[from + r];
                if (c >= 0) {
                    out[c * stride + r] = 1.0;
                }
            }
        };
    }

    /** @return the given row-major {@code n x k} responsibilities */
    static InitialResponsibilities dense(double[] resp) {
        return (from, len, k, out, stride) -> {
            for (int r = 0; r < len; r++) {
                for (int c = 0; c < k; c++) {
                    out[c * stride + r] = resp[(from + r) * k + c];
                }
            }
        };
    }
}
