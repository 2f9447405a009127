package dev.clusterlab.host.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RunPlanTest {
    private static DatasetSpec gen(String name) {
        return new DatasetSpec.Generated(name, "blobs", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static AlgorithmSpec alg(String label, Object... axes) {
        Map<String, List<Object>> grid = new LinkedHashMap<>();
        for (int i = 0; i < axes.length; i += 2) {
            grid.put((String) axes[i], (List<Object>) axes[i + 1]);
        }
        return new AlgorithmSpec("kmeans", label, grid);
    }

    private static Experiment experiment(long seed, int repeats, List<DatasetSpec> ds, List<AlgorithmSpec> algs) {
        return new Experiment("e", seed, repeats, 0, ds, algs, List.of("silhouette"), null);
    }

    @Test
    void cartesianProductInNestingOrderWithRepeatsInnermost() {
        AlgorithmSpec a = alg("A", "k", List.of(2L, 3L), "init", List.of("x", "y"));
        AlgorithmSpec b = alg("B");
        List<PlannedRun> runs = RunPlan.expand(experiment(10, 2, List.of(gen("d1"), gen("d2")), List.of(a, b)));

        // 2 datasets x (2 x 2 grid points + 1 point without parameters) x 2 repeats
        assertThat(runs).hasSize(20);
        assertThat(runs).extracting(PlannedRun::index).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());

        List<String> described = runs.stream()
                .map(r -> r.dataset() + " " + r.algorithm().label() + " " + r.paramsText() + " r" + r.repeat() + " s" + r.seed())
                .toList();
        assertThat(described.subList(0, 10)).containsExactly(
                "d1 A k=2, init=x r0 s10",
                "d1 A k=2, init=x r1 s11",
                "d1 A k=2, init=y r0 s10",
                "d1 A k=2, init=y r1 s11",
                "d1 A k=3, init=x r0 s10",
                "d1 A k=3, init=x r1 s11",
                "d1 A k=3, init=y r0 s10",
                "d1 A k=3, init=y r1 s11",
                "d1 B  r0 s10",
                "d1 B  r1 s11");
        assertThat(described.subList(10, 20)).allMatch(s -> s.startsWith("d2 "));
        assertThat(described.get(10)).isEqualTo("d2 A k=2, init=x r0 s10");
        assertThat(runs.get(0).params()).containsExactly(Map.entry("k", 2L), Map.entry("init", "x"));
        assertThat(runs.get(0).algorithm()).isSameAs(a);
    }

    @Test
    void seedOfRepeatRIsSeedPlusR() {
        List<PlannedRun> runs = RunPlan.expand(experiment(-3, 4, List.of(gen("d")), List.of(alg("A"))));
        assertThat(runs).extracting(PlannedRun::repeat).containsExactly(0, 1, 2, 3);
        assertThat(runs).extracting(PlannedRun::seed).containsExactly(-3L, -2L, -1L, 0L);
    }

    @Test
    void runIdsAreUniqueFileSafeAndStable() {
        AlgorithmSpec a = alg("k means/v2", "k", List.of(2L, 3L), "tol", List.of(0.5, 1.0e-4), "init", List.of("k-means++", "a b"));
        Experiment e = experiment(0, 2, List.of(gen("data set:1"), gen("moons")), List.of(a, alg("B")));
        List<PlannedRun> first = RunPlan.expand(e);
        List<PlannedRun> second = RunPlan.expand(e);

        List<String> ids = first.stream().map(PlannedRun::id).toList();
        assertThat(ids).containsExactlyElementsOf(second.stream().map(PlannedRun::id).toList());
        assertThat(Set.copyOf(ids)).hasSameSizeAs(ids);
        assertThat(ids).allMatch(id -> id.matches("[A-Za-z0-9._+-]+"), "file-safe, no ',' or '='");
        PlannedRun r = first.get(1);
        assertThat(r.id()).contains("data_set_1").contains("k_means_v2").contains(".k-2").contains(".tol-0.5")
                .contains(".init-k-means++").endsWith("1");
        assertThat(ids.stream().filter(id -> id.contains("init-a_b")).count()).isEqualTo(16);
    }

    @Test
    void namesThatDifferOnlyInUnsafeCharactersStillGetDistinctIds() {
        Experiment e = experiment(0, 1, List.of(gen("d")), List.of(alg("km 1"), alg("km/1")));
        List<PlannedRun> runs = RunPlan.expand(e);
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).id()).isNotEqualTo(runs.get(1).id());
        assertThat(runs).allMatch(run -> run.id().matches("[A-Za-z0-9._=,+-]+"));
        assertThat(RunPlan.expand(e)).extracting(PlannedRun::id).containsExactly(runs.get(0).id(), runs.get(1).id());
    }

    @Test
    void gridPointsFirstAxisSlowest() {
        Map<String, List<Object>> grid = new LinkedHashMap<>();
        grid.put("a", List.of(1L, 2L));
        grid.put("b", List.of("p", "q", "r"));
        List<Map<String, Object>> points = RunPlan.gridPoints(grid);
        assertThat(points).hasSize(6);
        assertThat(points.stream().map(p -> p.get("a") + "" + p.get("b")).collect(Collectors.joining(" ")))
                .isEqualTo("1p 1q 1r 2p 2q 2r");
        assertThat(RunPlan.gridPoints(Map.of())).containsExactly(Map.of());
    }

    @Test
    void fileSafeReplacesEverythingElse() {
        assertThat(RunPlan.fileSafe("a b/c\\d:e*f?g\"h<i>j|k")).isEqualTo("a_b_c_d_e_f_g_h_i_j_k");
        assertThat(RunPlan.fileSafe("k-3.init-k-means++.r0")).isEqualTo("k-3.init-k-means++.r0");
        assertThat(RunPlan.fileSafe("k=3,x")).isEqualTo("k_3_x");
    }
}
