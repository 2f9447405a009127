package dev.clusterlab.host;

/** Facts about this JVM that provenance and {@code clusterlab env} print. */
public final class Environment {
    private Environment() {
    }

    /** @return the JVM's vendor and version */
    public static String jvm() {
        return System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version");
    }

    /** @return operating system name, version and architecture */
    public static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }

    /** @return the number of cores the JVM sees */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
