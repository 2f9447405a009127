package dev.clusterlab.runner.cli;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.plugin.PluginInstaller;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code clusterlab plugins install | uninstall | enable | disable}: manage the user's plugins folder
 * ({@code ~/.clusterlab/plugins}, or {@code $CLUSTERLAB_USER_PLUGINS}), which every command loads next to
 * the installation's built-in plugins.
 */
final class PluginManageCommands {
    private PluginManageCommands() {
    }

    private static PluginInstaller installer() {
        return new PluginInstaller(PluginInstaller.userFolder());
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Install a plugin jar (a file or an http(s) URL) into the user's plugins folder.")
    static final class Install implements Callable<Integer> {
        @Parameters(paramLabel = "FILE.jar|URL", description = "The plugin file, or a URL to download it from.")
        String source;

        private final Streams io;

        Install(Streams io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            PluginInstaller.Described d = source.matches("(?i)(https?|file)://.*") ? installer().install(URI.create(source))
                    : installer().install(Path.of(source));
            io.out().println("installed " + d.id() + " " + d.version() + " as " + d.file().toAbsolutePath().normalize()
                    + " ('clusterlab plugins' lists it)");
            return 0;
        }
    }

    @Command(name = "uninstall", mixinStandardHelpOptions = true, description = "Remove a plugin from the user's plugins folder.")
    static final class Uninstall implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "The plugin id.")
        String id;

        private final Streams io;

        Uninstall(Streams io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            Path removed = installer().uninstall(id);
            io.out().println("removed " + removed.toAbsolutePath().normalize());
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Turn a plugin off (built-in or installed) without removing it; 'enable' turns it on.")
    static final class Disable implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "The plugin id.")
        String id;

        private final Streams io;

        Disable(Streams io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            if (!id.matches("[A-Za-z0-9._-]+")) {
                throw new UserInputException("'" + id + "' is not a plugin id (letters, digits, '.', '_', '-')");
            }
            installer().disable(id);
            io.out().println("disabled " + id + " (in " + PluginInstaller.userFolder().resolve("disabled.txt") + ")");
            return 0;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Turn a disabled plugin on again.")
    static final class Enable implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "The plugin id.")
        String id;

        private final Streams io;

        Enable(Streams io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            installer().enable(id);
            io.out().println("enabled " + id);
            return 0;
        }
    }
}
