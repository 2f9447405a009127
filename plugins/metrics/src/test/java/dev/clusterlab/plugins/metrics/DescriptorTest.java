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
        assertThat(BY_ID).containsOnlyKeys("silhouette", "calinski_harabasz", "davies_bouldin", "adjusted_rand", "nmi");
        assertThat(BY_ID.get("adjusted_rand").aliases()).containsExactly("ari");
        assertThat(Metrics.byId("ari")).isInstanceOf(AdjustedRand.class);
    }

    @Test
    void directionAndGroundTruth() {
        assertFlags("silhouette", false, true);
        assertFlags("calinski_harabasz", false, true);
        assertFlags("davies_bouldin", false, false);
        assertFlags("adjusted_rand", true, true);
        assertFlags("nmi", true, true);
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
    }

    private static List<String> dois(String id) {
        return BY_ID.get(id).references().stream().map(Citation::doi).filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void extensionIndexListsAllFive() throws IOException, ReflectiveOperationException {
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
