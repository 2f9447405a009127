package dev.clusterlab.host.data;

import java.util.List;
import java.util.Optional;

/** The built-in dataset generators. */
public final class Generators {
    private static final List<DatasetGenerator> ALL = List.of(new BlobsGenerator(), new MoonsGenerator(),
            new CirclesGenerator(), new AnisotropicGenerator(), new VariedGenerator(), new UniformGenerator());

    private Generators() {
    }

    /** @return every generator */
    public static List<DatasetGenerator> all() {
        return ALL;
    }

    /**
     * @param id a generator id
     * @return the generator
     */
    public static Optional<DatasetGenerator> byId(String id) {
        return ALL.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** @return the ids */
    public static List<String> ids() {
        return ALL.stream().map(DatasetGenerator::id).toList();
    }
}
