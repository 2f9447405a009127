package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.exec.ExecutionContext;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code init=random}: {@code k} distinct rows chosen uniformly at random, as scikit-learn's
 * {@code random_state.permutation(n)[:k]}. A partial Fisher-Yates shuffle over a sparse map of swapped
 * positions draws them in {@code O(k)} time and memory whatever {@code n} is. Sample weights do not
 * change the draw (as scikit-learn 1.2).
 */
final class RandomRows implements CentreInitializer {

    @Override
    public float[] centres(Points points, int k, SplittableRandom random, ExecutionContext context) {
        float[] x = points.x();
        int n = points.n();
        int d = points.d();
        float[] centres = new float[k * d];
        Map<Integer, Integer> swapped = new HashMap<>();
        for (int c = 0; c < k; c++) {
            int j = c + random.nextInt(n - c);
            int row = swapped.getOrDefault(j, j);
            swapped.put(j, swapped.getOrDefault(c, c));
            System.arraycopy(x, row * d, centres, c * d, d);
        }
        return centres;
    }
}
