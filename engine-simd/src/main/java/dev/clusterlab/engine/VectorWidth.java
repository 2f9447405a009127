package dev.clusterlab.engine;

/** Reads the preferred vector width without linking this class to the incubator module. */
final class VectorWidth {
    private VectorWidth() {
    }

    /** @return the preferred float vector width in bits; only call when the module is present */
    static int preferredBits() {
        try {
            Class<?> species = Class.forName("jdk.incubator.vector.FloatVector");
            Object preferred = species.getField("SPECIES_PREFERRED").get(null);
            return (Integer) preferred.getClass().getMethod("vectorBitSize").invoke(preferred);
        } catch (ReflectiveOperationException e) {
            return 0;
        }
    }
}
