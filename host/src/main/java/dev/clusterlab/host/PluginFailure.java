package dev.clusterlab.host;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.api.exec.CancelledException;
import java.util.function.Supplier;

/**
 * A plugin's own failure (it threw, or broke a contract), reported as the plugin's, never as
 * ClusterLab's internal error. A user's mistake that the plugin reports ({@link UserInputException},
 * data that do not fit the parameters) and cancellation pass through unchanged.
 */
public final class PluginFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String pluginId;

    /**
     * @param pluginId the plugin that failed
     * @param what what it did
     * @param cause what it threw, or {@code null}
     */
    public PluginFailure(String pluginId, String what, Throwable cause) {
        super("plugin " + pluginId + " " + what, cause);
        this.pluginId = pluginId;
    }

    /** Without the cause's stack trace kept: an out-of-memory error, whose trace says nothing of use. */
    private PluginFailure(String pluginId, String what, Throwable cause, boolean noTrace) {
        super("plugin " + pluginId + " " + what, cause, false, !noTrace);
        this.pluginId = pluginId;
    }

    /** @return the plugin that failed */
    public String pluginId() {
        return pluginId;
    }

    /**
     * Runs plugin code, turning what it throws into a {@link PluginFailure} (user errors and
     * cancellation pass through). Running out of heap inside a plugin is the plugin's failure too, with
     * the heap limit and how to raise it: its allocations are unreachable once it has unwound.
     *
     * @param pluginId the plugin
     * @param body the call into the plugin
     * @param <T> its result
     * @return the result
     */
    public static <T> T guard(String pluginId, Supplier<T> body) {
        try {
            return body.get();
        } catch (UserInputException | CancelledException | PluginFailure e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            throw new PluginFailure(pluginId, "threw " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (OutOfMemoryError e) {
            throw new PluginFailure(pluginId, OutOfMemory.message("").trim(), e, true);
        }
    }
}
