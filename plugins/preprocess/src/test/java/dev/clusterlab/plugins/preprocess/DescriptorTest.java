package dev.clusterlab.plugins.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.ParamType;
import dev.clusterlab.api.preprocess.Preprocessor;
import dev.clusterlab.api.preprocess.PreprocessorDescriptor;
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

/** Ids, aliases, parameters, the imputes flag, citations, and the PF4J extension index. */
class DescriptorTest {
    private static final Map<String, PreprocessorDescriptor> BY_ID = Steps.all().stream()
            .map(Preprocessor::descriptor)
            .collect(Collectors.toMap(PreprocessorDescriptor::id, Function.identity()));

    @Test
    void idsAndAliases() {
        assertThat(BY_ID).containsOnlyKeys("standardize", "minmax", "maxabs", "robust", "pca", "impute", "drop_constant",
                "onehot", "ordinal", "group_rare");
        assertThat(BY_ID.get("standardize").aliases()).containsExactly("zscore");
        assertThat(Steps.byId("zscore")).isInstanceOf(Standardize.class);
        List<String> all = new ArrayList<>();
        BY_ID.values().forEach(d -> {
            all.add(d.id());
            all.addAll(d.aliases());
        });
        assertThat(all).as("ids and aliases are unique").doesNotHaveDuplicates();
    }

    @Test
    void onlyImputeImputes() {
        BY_ID.forEach((id, d) -> assertThat(d.imputes()).as(id).isEqualTo(id.equals("impute")));
    }

    @Test
    void descriptionsAreOneLine() {
        BY_ID.forEach((id, d) -> {
            assertThat(d.title()).as(id).isNotBlank();
            assertThat(d.description()).as(id).isNotBlank().doesNotContain("\n");
            d.params().forEach(p -> assertThat(p.description()).as(id + "." + p.name()).isNotBlank().doesNotContain("\n"));
        });
    }

    @Test
    void parameters() {
        assertThat(names("standardize")).isEmpty();
        assertThat(names("maxabs")).isEmpty();
        assertThat(names("drop_constant")).isEmpty();
        assertThat(names("minmax")).containsExactly("feature_range_min", "feature_range_max");
        assertThat(names("robust")).containsExactly("quantile_range_min", "quantile_range_max");
        assertThat(names("impute")).containsExactly("strategy");
        assertThat(names("pca")).containsExactly("n_components");

        assertThat(spec("impute", "strategy").choices()).containsExactly("mean", "median");
        ParamSpec n = spec("pca", "n_components");
        assertThat(n.type()).isEqualTo(ParamType.REAL);
        assertThat(n.required()).as("no sensible default: keeping every component is only a rotation").isTrue();
        assertThat(n.domain()).isEqualTo("a real number in (0, inf)");

        assertThat(ParamBinder.defaults("minmax", BY_ID.get("minmax").params()).asMap())
                .containsEntry("feature_range_min", 0.0).containsEntry("feature_range_max", 1.0);
        assertThat(ParamBinder.defaults("robust", BY_ID.get("robust").params()).asMap())
                .containsEntry("quantile_range_min", 25.0).containsEntry("quantile_range_max", 75.0);
        assertThat(ParamBinder.defaults("impute", BY_ID.get("impute").params()).asMap()).containsEntry("strategy", "mean");
    }

    @Test
    void citations() {
        assertThat(dois("pca")).containsExactly("10.1080/14786440109462720", "10.1037/h0071325");
        assertThat(dois("robust")).containsExactly("10.1080/00031305.1996.10473566");
    }

    private static List<String> names(String id) {
        return BY_ID.get(id).params().stream().map(ParamSpec::name).toList();
    }

    private static ParamSpec spec(String id, String name) {
        return BY_ID.get(id).params().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> dois(String id) {
        return BY_ID.get(id).references().stream().map(Citation::doi).filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void extensionIndexListsEveryStep() throws IOException, ReflectiveOperationException {
        // Written by PF4J's annotation processor at compile time; without it the plugin loads empty.
        List<String> listed = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                r.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(listed::add);
            }
        }
        List<String> ours = Steps.all().stream().map(p -> p.getClass().getName()).toList();
        List<String> inThisPackage = listed.stream().filter(l -> l.startsWith(getClass().getPackageName() + ".")).toList();
        assertThat(inThisPackage).containsExactlyInAnyOrderElementsOf(ours);
        for (String name : inThisPackage) {
            // What PF4J does with each line: load the class and create it through its public no-arg constructor.
            Class<? extends Preprocessor> type = Class.forName(name).asSubclass(Preprocessor.class);
            assertThat(type.isAnnotationPresent(Extension.class)).as(name).isTrue();
            assertThat(type.getConstructor().newInstance().descriptor()).isNotNull();
        }
    }
}
