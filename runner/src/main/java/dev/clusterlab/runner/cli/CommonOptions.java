package dev.clusterlab.runner.cli;

import dev.clusterlab.engine.KernelSelection;
import dev.clusterlab.host.plugin.PluginHost;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options every command that fits or loads plugins shares (a picocli mixin). The top-level command
 * mixes them in too, so that {@code clusterlab --plugins DIR run} works like {@code clusterlab run
 * --plugins DIR}; a value given after the subcommand wins.
 */
public final class CommonOptions {
    /** The name under which commands mix these options in. */
    static final String MIXIN_NAME = "common";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads per fit (default: all cores, ${sys:clusterlab.cores}).")
    Integer threads;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Plugins folder (default: $CLUSTERLAB_PLUGINS, else the installation's plugins folder).")
    Path plugins;

    @Option(names = "--kernels", paramLabel = "MODE", description = "Kernel implementation: auto, scalar or vector (default: auto).")
    String kernels;

    /**
     * @param fromFile a thread count from an experiment file, or 0
     * @return the thread count to use: option, else file, else all cores
     */
    int threads(int fromFile) {
        Integer threads = this.threads != null ? this.threads : parent() != null ? parent().threads : null;
        if (threads != null) {
            if (threads < 1) {
                throw new dev.clusterlab.api.UserInputException("--threads must be >= 1; got " + threads);
            }
            return threads;
        }
        return fromFile > 0 ? fromFile : Runtime.getRuntime().availableProcessors();
    }

    /** Applies {@code --kernels} (before anything computes). */
    void applyKernels() {
        String kernels = this.kernels != null ? this.kernels : parent() != null ? parent().kernels : null;
        if (kernels != null) {
            try {
                KernelSelection.use(kernels);
            } catch (IllegalArgumentException e) {
                throw new dev.clusterlab.api.UserInputException("--kernels: " + e.getMessage());
            } catch (IllegalStateException e) {
                throw new dev.clusterlab.api.UserInputException("--kernels vector: " + e.getMessage());
            }
        }
    }

    /** @return the plugins folder: option, environment, installation */
    Path pluginsDir() {
        if (plugins != null) {
            return plugins;
        }
        if (parent() != null && parent().plugins != null) {
            return parent().plugins;
        }
        String env = System.getenv("CLUSTERLAB_PLUGINS");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String home = System.getProperty("clusterlab.home");
        return home != null ? Path.of(home, "plugins") : Path.of("plugins");
    }

    /** @return a started plugin host, after applying the kernel choice */
    PluginHost openHost() {
        applyKernels();
        return PluginHost.open(pluginsDir());
    }

    /** @return the options given before the subcommand, or {@code null} */
    private CommonOptions parent() {
        CommandSpec parent = mixee == null ? null : mixee.parent();
        CommandSpec mixin = parent == null ? null : parent.mixins().get(MIXIN_NAME);
        return mixin != null && mixin.userObject() instanceof CommonOptions c && c != this ? c : null;
    }
}
