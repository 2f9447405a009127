package dev.clusterlab.engine;

/** Reads the preferred vector width without linking this class to the incubator module. */
final class VectorWidth {
    private VectorWidth() {
    }

    /** @return the preferred float vector width in bits; only call when the module is present */
    static int preferredBits() {
        try {
            Class<?> floatVector = Class.forName("jdk.incubator.vector.FloatVector");
            Object preferred = floatVector.getField("SPECIES_PREFERRED").get(null);
            // Look the method up on the exported interface: the runtime class (AbstractSpecies) is not
            // public, so reflecting on preferred.getClass() fails with IllegalAccessException.
            Class<?> speciesInterface = Class.forName("jdk.incubator.vector.VectorSpecies");
            return (Integer) speciesInterface.getMethod("vectorBitSize").invoke(preferred);
        } catch (ReflectiveOperationException e) {
            // The module is present, so this is a bug or a changed incubator API: never a silent fallback.
            throw new IllegalStateException("cannot read the preferred vector width from jdk.incubator.vector: " + e, e);
        }
    }
}
