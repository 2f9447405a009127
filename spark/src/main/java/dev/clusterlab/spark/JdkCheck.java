package dev.clusterlab.spark;

import dev.clusterlab.api.UserInputException;

/**
 * Spark 4.2 runs on JDK 25 only from 25.0.3: 25.0.0 to 25.0.2 have a G1 bug that corrupts data
 * (JDK-8377811), and Spark's own build refuses them. ClusterLab needs JDK 25 for the Vector API, so the
 * only accepted versions are 25.0.3 and later.
 */
public final class JdkCheck {
    /** The oldest JDK ClusterLab on Spark accepts. */
    public static final Runtime.Version MINIMUM = Runtime.Version.parse("25.0.3");

    private JdkCheck() {
    }

    /**
     * @param running the JDK version to check
     * @return the reason it is refused, or {@code null} when it is fine
     */
    public static String problem(Runtime.Version running) {
        if (running.compareToIgnoreOptional(MINIMUM) >= 0) {
            return null;
        }
        return "ClusterLab on Spark needs JDK " + MINIMUM + " or newer; this JVM is " + running
                + (running.feature() == 25 ? " (JDK 25.0.0-25.0.2 have a G1 data-corruption bug, JDK-8377811, and Spark 4.2 refuses them)" : "")
                + ". Install a JDK 25.0.3+ (e.g. Temurin 25) and point JAVA_HOME at it, on the driver and on every executor"
                + " (spark.executorEnv.JAVA_HOME and spark.yarn.appMasterEnv.JAVA_HOME on YARN).";
    }

    /**
     * Refuses a JDK older than {@link #MINIMUM}.
     *
     * @throws UserInputException saying what to install
     */
    public static void require() {
        String p = problem(Runtime.version());
        if (p != null) {
            throw new UserInputException(p);
        }
    }
}
