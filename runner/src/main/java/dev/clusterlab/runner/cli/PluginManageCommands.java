package dev.clusterlab.runner.cli;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.plugin.PluginInstaller;
import dev.clusterlab.host.plugin.PluginRepositories;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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

    private static List<String> repositories(List<String> given) {
        List<String> all = new java.util.ArrayList<>(given);
        all.addAll(PluginRepositories.configured());
        return all;
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Install a plugin into the user's plugins folder: a jar file, an http(s) URL, or ID[@VERSION] from a repository.")
    static final class Install implements Callable<Integer> {
        @Parameters(paramLabel = "FILE.jar|URL|ID[@VERSION]", description = "The plugin file, a URL to download it from, or its id in a repository.")
        String source;

        @Option(names = "--repository", paramLabel = "DIR|URL",
                description = "A plugin repository (PF4J's plugins.json); repeatable; also CLUSTERLAB_REPOSITORIES, comma-separated.")
        List<String> repository = new java.util.ArrayList<>();

        private final Streams io;

        Install(Streams io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            PluginInstaller.Described d;
            if (source.matches("(?i)(https?|file)://.*")) {
                d = installer().install(URI.create(source));
            } else if (source.endsWith(".jar") || java.nio.file.Files.exists(Path.of(source))) {
                d = installer().install(Path.of(source));
            } else {
                List<String> repos = repositories(repository);
                if (repos.isEmpty()) {
                    throw new UserInputException("'" + source + "' is not a file; to install a plugin by id, name a repository with"
                            + " --repository DIR|URL or CLUSTERLAB_REPOSITORIES");
                }
                d = new PluginRepositories(repos).install(source, installer());
            }
            io.out().println("installed " + d.id() + " " + d.version() + " as " + d.file().toAbsolutePath().normalize()
                    + " ('clusterlab plugins' lists it)");
            return 0;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true, description = "List the plugins of the configured repositories.")
    static final class Search implements Callable<Integer> {
        @Option(names = "--repository", paramLabel = "DIR|URL",
                description = "A plugin repository (PF4J's plugins.json); repeatable; also CLUSTERLAB_REPOSITORIES, comma-separated.")
        List<String> repository = new java.util.ArrayList<>();

        private final Streams io;

        Search(Streams io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            List<String> repos = repositories(repository);
            if (repos.isEmpty()) {
                throw new UserInputException("no plugin repository: name one with --repository DIR|URL or CLUSTERLAB_REPOSITORIES");
            }
            io.out().printf("%-16s %-10s %-22s %s%n", "id", "version", "requires", "description");
            for (PluginRepositories.Release r : new PluginRepositories(repos).search()) {
                io.out().printf("%-16s %-10s %-22s %s%n", r.id(), r.version(), r.requires(), r.description());
            }
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
