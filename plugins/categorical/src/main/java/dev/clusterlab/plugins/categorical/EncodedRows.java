package dev.clusterlab.plugins.categorical;

/**
 * The rows as the algorithms see them: {@code p} numeric values (floats, widened to double where they
 * are used) and {@code m} categorical codes per row, both row-major. A code is an index into the
 * attribute's levels ({@link Attributes}), or -1 for a level the model does not know (a new row at
 * predict time), which matches no prototype.
 *
 * @param n rows
 * @param p numeric values per row
 * @param m categorical codes per row
 * @param num row-major {@code n x p} numeric values
 * @param cat row-major {@code n x m} codes
 */
record EncodedRows(int n, int p, int m, float[] num, int[] cat) {
    /** The code of a level unknown to the model: it differs from every mode. */
    static final int UNKNOWN = -1;

    /** @return whether rows {@code a} and {@code b} are equal in every column (float values compared with ==) */
    boolean sameRow(int a, int b) {
        for (int j = 0; j < p; j++) {
            if (num[a * p + j] != num[b * p + j]) {
                return false;
            }
        }
        for (int t = 0; t < m; t++) {
            if (cat[a * m + t] != cat[b * m + t]) {
                return false;
            }
        }
        return true;
    }
}
