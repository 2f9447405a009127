package dev.clusterlab.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this API, as plugins declare it in {@code Plugin-Requires} and the host announces it
 * to PF4J. Read from a resource filtered at build time, so it is typed in one place (the build).
 *
 * @since 0.1
 */
public final class ApiVersion {
    private static final String CURRENT = load();

    private ApiVersion() {
    }

    /**
     * The semantic version of the API this class belongs to.
     *
     * @return a version such as {@code 0.1.0}
     * @since 0.1
     */
    public static String current() {
        return CURRENT;
    }

    private static String load() {
        try (InputStream in = ApiVersion.class.getResourceAsStream("api-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("api-version.properties is missing from the clusterlab-api jar");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("api.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
