package dev.clusterlab.runner.data;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.Params;
import dev.clusterlab.runner.experiment.DatasetSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** Materialises a {@link DatasetSpec}: reads the CSV file or runs the generator. */
public final class DatasetLoader {
    private DatasetLoader() {
    }

    /**
     * @param spec where the data comes from
     * @param experimentSeed seed for generators that give none of their own
     * @return the dataset
     */
    public static Dataset load(DatasetSpec spec, long experimentSeed) {
        return switch (spec) {
            case DatasetSpec.Csv c -> CsvDatasetReader.read(c.file(), c.name(),
                    new CsvOptions(c.columns(), c.exclude(), c.labelColumn(), c.header()));
            case DatasetSpec.Generated g -> {
                DatasetGenerator gen = Generators.byId(g.generator()).orElseThrow();
                Map<String, Object> raw = new LinkedHashMap<>(g.params());
                Object seed = raw.remove("seed");
                Params p = ParamBinder.bind("generator " + gen.id(), gen.params(), raw);
                yield gen.generate(g.name(), p, seed == null ? experimentSeed : ((Number) seed).longValue());
            }
        };
    }
}
