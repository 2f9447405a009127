package dev.clusterlab.engine;

import dev.clusterlab.api.kernel.Kernels;
import java.util.Locale;

/**
 * Chooses the kernel implementation once per process, as Lucene's vectorization provider does.
 *
 * <p>{@code auto} (the default) takes the Vector API when the {@code jdk.incubator.vector} module is
 * in the boot layer and the CPU offers vectors of at least 128 bits, and otherwise warns once, saying
 * how to fix it, and uses the scalar twin. {@code vector} insists: without the module it is an error,
 * never a silent fallback. The choice comes from the system property {@code clusterlab.kernels} (the
 * CLI's {@code --kernels} sets it) or {@link #select(String)}.
 *
 * @param kernels the chosen implementation
 * @param reason one sentence on why, for {@code clusterlab env}
 */
public record KernelSelection(Kernels kernels, String reason) {
    /** System property that forces {@code scalar}, {@code vector} or {@code auto}. */
    public static final String PROPERTY = "clusterlab.kernels";
    private static final System.Logger LOG = System.getLogger(KernelSelection.class.getName());
    private static volatile KernelSelection current;

    /** @return the process-wide selection, made on first use from {@link #PROPERTY} */
    public static KernelSelection current() {
        KernelSelection s = current;
        if (s == null) {
            synchronized (KernelSelection.class) {
                if (current == null) {
                    current = select(System.getProperty(PROPERTY, "auto"));
                }
                s = current;
            }
        }
        return s;
    }

    /**
     * Replaces the process-wide selection (the CLI calls it once, before any run).
     *
     * @param mode {@code auto}, {@code scalar} or {@code vector}
     * @return the new selection
     */
    public static synchronized KernelSelection use(String mode) {
        current = select(mode);
        return current;
    }

    /**
     * @param mode {@code auto}, {@code scalar} or {@code vector}, any case
     * @return the selection for that mode on this JVM
     * @throws IllegalArgumentException for another mode
     * @throws IllegalStateException if {@code vector} is required but unavailable
     */
    public static KernelSelection select(String mode) {
        String m = mode.trim().toLowerCase(Locale.ROOT);
        switch (m) {
            case "scalar":
                return new KernelSelection(new ScalarKernels(), "forced by " + PROPERTY + "=scalar");
            case "vector": {
                String problem = vectorProblem();
                if (problem != null) {
                    throw new IllegalStateException("vector kernels were requested but " + problem);
                }
                return new KernelSelection(loadVectorKernels(), "forced by " + PROPERTY + "=vector");
            }
            case "auto": {
                String problem = vectorProblem();
                if (problem != null) {
                    LOG.log(System.Logger.Level.WARNING, "ClusterLab uses scalar kernels because " + problem);
                    return new KernelSelection(new ScalarKernels(), "auto: " + problem);
                }
                return new KernelSelection(loadVectorKernels(), "auto: Vector API module present and CPU vectors are wide enough");
            }
            default:
                throw new IllegalArgumentException("kernels must be one of {auto, scalar, vector}; got '" + mode + "'");
        }
    }

    /** @return why the Vector API cannot be used, or {@code null} if it can */
    static String vectorProblem() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return "the jdk.incubator.vector module is not loaded: start the JVM with "
                    + "--add-modules jdk.incubator.vector (the clusterlab launcher does)";
        }
        int bits = VectorWidth.preferredBits();
        if (bits < 128) {
            return "this CPU offers only " + bits + "-bit vectors to the JVM (128 or more are needed)";
        }
        return null;
    }

    private static Kernels loadVectorKernels() {
        try {
            // Loaded by name so that this class links even where the incubator module is absent.
            return (Kernels) Class.forName("dev.clusterlab.engine.VectorKernels").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the vector kernels are missing from clusterlab-engine-simd: " + e, e);
        }
    }
}
