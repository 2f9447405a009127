package example;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.Fit;
import dev.clusterlab.host.FitRequest;
import dev.clusterlab.host.data.DatasetLoader;
import java.util.Map;

/** Fits k-means and HDBSCAN on the bundled iris data through the library API and prints each one's ARI. */
public final class LibraryExample {
    private LibraryExample() {
    }

    public static void main(String[] args) {
        Dataset iris = DatasetLoader.bundled("iris");   // 150 x 4, with its species as ground truth
        try (ClusterLab lab = ClusterLab.builder().threads(2).build()) {
            Map<String, Map<String, Object>> runs = Map.of(
                    "kmeans", Map.of("k", 3),
                    "hdbscan", Map.of("min_cluster_size", 10));
            for (String id : new String[] {"kmeans", "hdbscan"}) {
                Fit fit = lab.fit(FitRequest.of(id, runs.get(id)).seed(42), iris);
                double ari = lab.metric("adjusted_rand", iris, fit.result().labels());
                System.out.printf(java.util.Locale.ROOT, "%s ari=%.4f%n", id, ari);
            }
        }
    }
}
