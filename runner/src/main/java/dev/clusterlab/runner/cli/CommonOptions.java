package dev.clusterlab.runner.cli;

import dev.clusterlab.host.ClusterLab;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
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

    @Option(names = "--plugins", paramLabel = "DIR[:DIR...]",
            description = "More plugin folders, ':'-separated, repeatable; they ADD to $CLUSTERLAB_PLUGINS and the installation's folder.")
    List<String> plugins = new ArrayList<>();

    @Option(names = "--no-default-plugins",
            description = "Leave out the installation's and the user's plugins folders (only --plugins and $CLUSTERLAB_PLUGINS are loaded).")
    boolean noDefaultPlugins;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr (a fit's bar, an experiment's run lines).")
    boolean quiet;

    /** @return whether --quiet was given */
    boolean quiet() {
        return quiet;
    }

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

    private String kernels() {
        return this.kernels != null ? this.kernels : parent() != null ? parent().kernels : null;
    }

    /**
     * The plugin folders, in order of precedence: {@code --plugins} (after or before the subcommand), then
     * {@code CLUSTERLAB_PLUGINS}, then the user's folder and the installation's folder unless
     * {@code --no-default-plugins}.
     * The installation's folder is left out quietly when it does not exist (running from a build tree).
     *
     * @return the folders
     */
    List<Path> pluginFolders() {
        List<Path> out = new ArrayList<>();
        List<String> given = new ArrayList<>(plugins);
        if (parent() != null) {
            given.addAll(parent().plugins);
        }
        given.forEach(p -> split(p, out));
        String env = System.getenv("CLUSTERLAB_PLUGINS");
        if (env != null && !env.isBlank()) {
            split(env, out);
        }
        boolean noDefault = noDefaultPlugins || (parent() != null && parent().noDefaultPlugins);
        if (!noDefault) {
            // The user's folder ('clusterlab plugins install'), before the installation's: a newer copy of a
            // built-in plugin installed there is the one loaded.
            Path user = dev.clusterlab.host.plugin.PluginInstaller.userFolder();
            if (Files.isDirectory(user)) {
                out.add(user);
            }
            String home = System.getProperty("clusterlab.home");
            Path installed = home != null ? Path.of(home, "plugins") : Path.of("plugins");
            if (Files.isDirectory(installed) || home != null) {
                out.add(installed);
            }
        }
        return out;
    }

    private static void split(String folders, List<Path> out) {
        for (String f : folders.split(":")) {
            if (!f.isBlank()) {
                out.add(Path.of(f.trim()));
            }
        }
    }

    /**
     * @param fromFile a thread count from an experiment file, or 0
     * @return a session on the plugin folders and the class path, with the kernel choice and thread count
     */
    ClusterLab openSession(int fromFile) {
        return openSession(fromFile, null);
    }

    /**
     * @param fromFile a thread count from an experiment file, or 0
     * @param progress where fits report progress, or {@code null} for nowhere
     * @return a session on the plugin folders and the class path, with the kernel choice and thread count
     */
    ClusterLab openSession(int fromFile, dev.clusterlab.api.exec.ProgressListener progress) {
        ClusterLab.Builder b = ClusterLab.builder().pluginFolders(pluginFolders()).threads(threads(fromFile));
        if (progress != null && !quiet) {
            b.progress(progress);
        }
        String k = kernels();
        if (k != null) {
            b.kernels(k);
        }
        return b.build();
    }

    /** @return a session with the default thread count */
    ClusterLab openSession() {
        return openSession(0);
    }

    /** @return the options given before the subcommand, or {@code null} */
    private CommonOptions parent() {
        CommandSpec parent = mixee == null ? null : mixee.parent();
        CommandSpec mixin = parent == null ? null : parent.mixins().get(MIXIN_NAME);
        return mixin != null && mixin.userObject() instanceof CommonOptions c && c != this ? c : null;
    }
}
