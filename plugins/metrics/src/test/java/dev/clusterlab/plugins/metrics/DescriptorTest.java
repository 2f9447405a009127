package dev.clusterlab.plugins.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.metric.MetricDescriptor;
import dev.clusterlab.api.metric.QualityMetric;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pf4j.Extension;

/** Directions, ground-truth flags, citations, and the PF4J extension index. */
class DescriptorTest {
    private static final Map<String, MetricDescriptor> BY_ID = Metrics.all().stream()
            .map(QualityMetric::descriptor)
            .collect(Collectors.toMap(MetricDescriptor::id, Function.identity()));

    @Test
    void idsAndAliases() {
        assertThat(BY_ID).containsOnlyKeys("silhouette", "calinski_harabasz", "davies_bouldin", "adjusted_rand", "nmi",
                "adjusted_mutual_info", "homogeneity", "completeness", "v_measure", "fowlkes_mallows", "rand");
        assertThat(BY_ID.get("adjusted_rand").aliases()).containsExactly("ari");
        assertThat(BY_ID.get("adjusted_mutual_info").aliases()).containsExactly("ami");
        assertThat(BY_ID.get("v_measure").aliases()).containsExactly("v");
        assertThat(BY_ID.get("fowlkes_mallows").aliases()).containsExactly("fmi");
        assertThat(BY_ID.get("rand").aliases()).containsExactly("rand_index");
        assertThat(BY_ID.get("homogeneity").aliases()).isEmpty();
        assertThat(BY_ID.get("completeness").aliases()).isEmpty();
        assertThat(Metrics.byId("ari")).isInstanceOf(AdjustedRand.class);
        assertThat(Metrics.byId("ami")).isInstanceOf(AdjustedMutualInformation.class);
        assertThat(Metrics.byId("v")).isInstanceOf(VMeasure.class);
        assertThat(Metrics.byId("fmi")).isInstanceOf(FowlkesMallows.class);
        assertThat(Metrics.byId("rand_index")).isInstanceOf(RandIndex.class);
    }

    @Test
    void noIdOrAliasIsUsedTwice() {
        List<String> names = new ArrayList<>();
        for (MetricDescriptor d : BY_ID.values()) {
            names.add(d.id());
            names.addAll(d.aliases());
        }
        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void directionAndGroundTruth() {
        assertFlags("silhouette", false, true);
        assertFlags("calinski_harabasz", false, true);
        assertFlags("davies_bouldin", false, false);
        assertFlags("adjusted_rand", true, true);
        assertFlags("nmi", true, true);
        for (String id : List.of("adjusted_mutual_info", "homogeneity", "completeness", "v_measure", "fowlkes_mallows",
                "rand")) {
            assertFlags(id, true, true);
            assertThat(BY_ID.get(id).description()).as(id + " states its range").contains("0").contains("1");
        }
    }

    private static void assertFlags(String id, boolean needsGroundTruth, boolean higherIsBetter) {
        MetricDescriptor d = BY_ID.get(id);
        assertThat(d.needsGroundTruth()).as(id + " needs ground truth").isEqualTo(needsGroundTruth);
        assertThat(d.higherIsBetter()).as(id + " higher is better").isEqualTo(higherIsBetter);
        assertThat(d.title()).isNotBlank();
        assertThat(d.description()).isNotBlank();
    }

    @Test
    void citationsCarryTheDois() {
        assertThat(dois("silhouette")).containsExactly("10.1016/0377-0427(87)90125-7");
        assertThat(dois("calinski_harabasz")).containsExactly("10.1080/03610927408827101");
        assertThat(dois("davies_bouldin")).containsExactly("10.1109/TPAMI.1979.4766909");
        assertThat(dois("adjusted_rand")).containsExactly("10.1007/BF01908075");
        assertThat(dois("nmi")).contains("10.5555/1756006.1953024");
        assertThat(dois("adjusted_mutual_info")).containsExactly("10.5555/1756006.1953024");
        assertThat(dois("fowlkes_mallows")).containsExactly("10.1080/01621459.1983.10478008");
        assertThat(dois("rand")).containsExactly("10.1080/01621459.1971.10482356");
        for (String id : List.of("homogeneity", "completeness", "v_measure")) {
            assertThat(BY_ID.get(id).references()).singleElement().satisfies(c -> {
                assertThat(c.authors()).contains("Rosenberg").contains("Hirschberg");
                assertThat(c.year()).isEqualTo(2007);
            });
        }
    }

    private static List<String> dois(String id) {
        return BY_ID.get(id).references().stream().map(Citation::doi).filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void extensionIndexListsAllEleven() throws IOException, ReflectiveOperationException {
        // Written by PF4J's annotation processor at compile time; without it the plugin loads empty.
        List<String> listed = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                r.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(listed::add);
            }
        }
        List<String> ours = Metrics.all().stream().map(m -> m.getClass().getName()).toList();
        List<String> inThisPackage = listed.stream().filter(l -> l.startsWith(getClass().getPackageName() + ".")).toList();
        assertThat(inThisPackage).containsExactlyInAnyOrderElementsOf(ours);
        for (String name : inThisPackage) {
            // What PF4J does with each line: load the class and create it through its public no-arg constructor.
            Class<? extends QualityMetric> type = Class.forName(name).asSubclass(QualityMetric.class);
            assertThat(type.isAnnotationPresent(Extension.class)).as(name).isTrue();
            assertThat(type.getConstructor().newInstance().descriptor()).isNotNull();
        }
    }
}
