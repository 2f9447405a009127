package dev.clusterlab.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.UserInputException;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.exec.CancelledException;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.param.Params;
import dev.clusterlab.host.plugin.Loaded;
import dev.clusterlab.host.plugin.PluginStatus;
import dev.clusterlab.plugins.density.HdbscanParams;
import dev.clusterlab.plugins.kmeans.KMeansParams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The session as a Java program uses it: plugins found on the class path (this module's test
 * dependencies are the plugin jars), cancellation read on worker threads, progress reaching a listener.
 */
class SessionTest {
    private static Dataset random(int n, int d, long seed) {
        Random r = new Random(seed);
        float[][] rows = new float[n][d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) r.nextGaussian();
            }
        }
        return Dataset.of("random", rows);
    }

    @Test
    void pluginJarsOnTheClassPathAreFoundWithoutAnyFolder() {
        try (ClusterLab lab = ClusterLab.builder().threads(2).build()) {
            assertThat(lab.registry().folders()).isEmpty();
            assertThat(lab.registry().algorithmNames()).contains("kmeans", "dbscan", "hdbscan", "optics");
            List<PluginStatus> kmeans = lab.registry().statuses().stream().filter(s -> s.algorithms().contains("kmeans")).toList();
            assertThat(kmeans).singleElement().satisfies(s -> {
                assertThat(s.state()).isEqualTo("CLASSPATH");
                assertThat(s.id()).isEqualTo("kmeans"); // the jar's Plugin-Id, for provenance
            });
            Fit fit = lab.fit("kmeans", random(300, 3, 1), Map.of("k", 4));
            assertThat(fit.result().clusterCount()).isEqualTo(4);
            assertThat(fit.provenance().pluginId()).isEqualTo("kmeans");
            assertThat(fit.provenance().params()).containsEntry("k", 4L);
            assertThat(fit.provenance().kernels()).isEqualTo(lab.kernels().description());
        }
    }

    @Test
    void typedParametersFitAsTheSameValuesByName() {
        try (ClusterLab lab = ClusterLab.builder().threads(2).build()) {
            Dataset data = random(400, 3, 5);
            KMeansParams typed = new KMeansParams(4, KMeansParams.Init.RANDOM, 2, 100, 1e-4);
            Fit a = lab.fit(typed, data);
            Fit b = lab.fit("kmeans", data, Map.of("k", 4, "init", "random", "n_init", 2, "max_iter", 100));
            assertThat(a.labels()).isEqualTo(b.labels());
            assertThat(a.provenance().params()).isEqualTo(b.provenance().params());
            Fit h = lab.fit(new HdbscanParams(15, 0, 0, HdbscanParams.SelectionMethod.LEAF, false, Distance.MANHATTAN), data);
            assertThat(h.provenance().params()).containsEntry("cluster_selection_method", "leaf").containsEntry("metric", "manhattan");
            // Out of range in code is refused where the record is built, naming the parameter.
            assertThatThrownBy(() -> new KMeansParams(0, KMeansParams.Init.RANDOM, 1, 10, 1e-4))
                    .isInstanceOf(UserInputException.class).hasMessageContaining("k");
        }
    }

    @Test
    void anUnknownAlgorithmIsAUserErrorWithASuggestion() {
        try (ClusterLab lab = ClusterLab.builder().threads(1).build()) {
            assertThatThrownBy(() -> lab.fit("kmean", random(10, 2, 1), Map.of()))
                    .isInstanceOf(UserInputException.class).hasMessageContaining("unknown algorithm 'kmean'").hasMessageContaining("kmeans");
        }
    }

    /** Spins in parallel chunks, asking on every worker thread whether to stop; never ends otherwise. */
    static final class SpinningAlgorithm implements ClusteringAlgorithm {
        final Set<String> checkedOn = ConcurrentHashMap.newKeySet();

        @Override
        public AlgorithmDescriptor descriptor() {
            return new AlgorithmDescriptor("spin", List.of(), "Spin", "1.0", "Checks for cancellation on workers only.", List.of(),
                    List.of());
        }

        @Override
        public ClusteringResult fit(Dataset data, Params params, ExecutionContext context) {
            while (true) {
                context.parallel().forEachChunk(1_000, 1, (chunk, from, to) -> {
                    if (!Thread.currentThread().getName().startsWith("clusterlab-worker")) {
                        return; // only the helpers check: the caller's own thread must not be needed to stop
                    }
                    checkedOn.add(Thread.currentThread().getName() + "@" + Thread.currentThread().threadId());
                    context.checkCancelled();
                    Thread.onSpinWait();
                });
            }
        }
    }

    @Test
    void cancellationStopsAFitThatChecksOnlyOnWorkerThreads() throws Exception {
        try (ClusterLab lab = ClusterLab.builder().threads(3).build()) {
            SpinningAlgorithm spin = new SpinningAlgorithm();
            Loaded<ClusteringAlgorithm> alg = new Loaded<>(spin, "test", "1.0");
            Cancellation stop = new Cancellation();
            ExecutionContext ctx = lab.context(0, 3, stop, null);
            ExecutorService caller = Executors.newSingleThreadExecutor();
            try {
                Future<Fit> f = caller.submit(() -> lab.fit(alg, random(10, 2, 1), Map.of(), ctx));
                Thread.sleep(200);
                assertThat(f.isDone()).as("the fit spins until cancelled").isFalse();
                stop.cancel("test");
                assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(CancelledException.class);
                assertThat(spin.checkedOn).as("cancellation was seen on helper threads").isNotEmpty();
            } finally {
                caller.shutdownNow();
            }
        }
    }

    @Test
    void progressEventsReachTheListenerDuringOneLongFit() {
        List<Double> fractions = new CopyOnWriteArrayList<>();
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        try (ClusterLab lab = ClusterLab.builder().threads(2).build()) {
            // 6,000 points in 20 dimensions: Prim's spanning tree, which reports every 256 steps.
            Fit fit = lab.fit(FitRequest.of("hdbscan", Map.of("min_cluster_size", 20)).progress((fraction, message) -> {
                fractions.add(fraction);
                messages.add(message);
            }), random(6_000, 20, 3));
            assertThat(fit.labels()).hasSize(6_000);
        }
        assertThat(fractions).hasSizeGreaterThan(10);
        assertThat(messages).anyMatch(m -> m.startsWith("hdbscan: spanning tree")).contains("hdbscan: done");
        assertThat(fractions).as("fractions only grow").isSorted();
        assertThat(fractions.getLast()).isEqualTo(1.0);
    }

    @Test
    void twoFitsAtOnceEachGetTheirOwnHelpers() throws Exception {
        try (ClusterLab lab = ClusterLab.builder().threads(2).build()) {
            Set<String> helpers = ConcurrentHashMap.newKeySet();
            java.util.concurrent.CyclicBarrier all = new java.util.concurrent.CyclicBarrier(4);
            ExecutorService jobs = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> f = new ArrayList<>();
                for (int j = 0; j < 2; j++) {
                    f.add(jobs.submit(() -> lab.context(0).parallel().forEachChunk(2, 1, (c, from, to) -> {
                        helpers.add(Thread.currentThread().getName() + "@" + Thread.currentThread().threadId());
                        try {
                            all.await(20, TimeUnit.SECONDS); // only passes when four threads run at once
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })));
                }
                for (Future<?> x : f) {
                    x.get(30, TimeUnit.SECONDS);
                }
            } finally {
                jobs.shutdownNow();
            }
            assertThat(helpers).hasSize(4);
        }
    }
}
