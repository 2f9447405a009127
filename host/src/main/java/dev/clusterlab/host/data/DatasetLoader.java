package dev.clusterlab.host.data;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.Params;
import dev.clusterlab.host.experiment.DatasetSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** Materialises a {@link DatasetSpec}: reads the CSV file or the bundled copy, or runs the generator. */
public final class DatasetLoader {
    private DatasetLoader() {
    }

    /**
     * @param spec where the data comes from
     * @param experimentSeed seed for generators that give none of their own
     * @return the dataset (empty CSV cells are errors)
     */
    public static Dataset load(DatasetSpec spec, long experimentSeed) {
        return load(spec, experimentSeed, false);
    }

    /**
     * @param spec where the data comes from
     * @param experimentSeed seed for generators that give none of their own
     * @param allowMissing whether empty CSV cells become missing values (an impute step follows)
     * @return the dataset
     */
    public static Dataset load(DatasetSpec spec, long experimentSeed, boolean allowMissing) {
        return switch (spec) {
            case DatasetSpec.Csv c -> CsvDatasetReader.read(c.file(), c.name(),
                    new CsvOptions(c.columns(), c.exclude(), c.labelColumn(), c.header(), c.weightColumn(), allowMissing)
                            .withCategorical(c.categorical()));
            case DatasetSpec.Bundled b -> CsvDatasetReader.readResource("/dev/clusterlab/host/datasets/" + b.id() + ".csv", b.name(),
                    new CsvOptions(java.util.List.of(), java.util.List.of(), "class", HeaderMode.TRUE));
            case DatasetSpec.Generated g -> {
                DatasetGenerator gen = Generators.byId(g.generator()).orElseThrow();
                Map<String, Object> raw = new LinkedHashMap<>(g.params());
                Object seed = raw.remove("seed");
                Params p = ParamBinder.bind("generator " + gen.id(), gen.params(), raw);
                yield gen.generate(g.name(), p, seed == null ? experimentSeed : ((Number) seed).longValue());
            }
        };
    }

    /**
     * A dataset that ships with ClusterLab, with its ground truth, for examples and quick checks.
     *
     * @param id {@code iris} or {@code wine} ({@link DatasetSpec.Bundled#IDS})
     * @return the dataset
     * @throws dev.clusterlab.api.UserInputException for another id
     */
    public static Dataset bundled(String id) {
        if (!DatasetSpec.Bundled.IDS.contains(id)) {
            throw new dev.clusterlab.api.UserInputException("no bundled dataset '" + id + "'"
                    + dev.clusterlab.api.param.Suggestions.hint(id, DatasetSpec.Bundled.IDS) + " (bundled: "
                    + String.join(", ", DatasetSpec.Bundled.IDS) + ")");
        }
        return load(new DatasetSpec.Bundled(id, id), 0);
    }
}
