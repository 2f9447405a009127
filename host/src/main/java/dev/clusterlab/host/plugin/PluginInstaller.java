package dev.clusterlab.host.plugin;

import dev.clusterlab.api.ApiVersion;
import dev.clusterlab.api.UserInputException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.pf4j.DefaultVersionManager;
import org.pf4j.VersionManager;
import org.pf4j.update.SimpleFileDownloader;

/**
 * Installs, removes, enables and disables plugin files in one plugins folder (the user's, by default
 * {@code ~/.clusterlab/plugins}), checking before anything is copied what the host would refuse later:
 * a file that is not a PF4J plugin, a {@code Plugin-Requires} the api does not satisfy, an id already
 * installed at the same or a higher version. A file is copied under a temporary name and moved into place
 * in one step, so a plugins folder never holds half a jar.
 */
public final class PluginInstaller {
    private static final VersionManager VERSIONS = new DefaultVersionManager();

    private final Path folder;

    /** @param folder the plugins folder to manage (made when a plugin is first installed) */
    public PluginInstaller(Path folder) {
        this.folder = folder;
    }

    /**
     * The user's plugins folder: the system property {@code clusterlab.user.plugins}, else the
     * environment variable {@code CLUSTERLAB_USER_PLUGINS}, else {@code ~/.clusterlab/plugins}.
     *
     * @return the folder (it may not exist yet)
     */
    public static Path userFolder() {
        String prop = System.getProperty("clusterlab.user.plugins");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("CLUSTERLAB_USER_PLUGINS");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".clusterlab", "plugins");
    }

    /**
     * What a plugin file's manifest says.
     *
     * @param id {@code Plugin-Id}
     * @param version {@code Plugin-Version}
     * @param requires {@code Plugin-Requires}, or empty
     * @param file the file
     */
    public record Described(String id, String version, String requires, Path file) {
    }

    /**
     * @param file a jar
     * @return its plugin manifest
     * @throws UserInputException if it is not a readable jar with a {@code Plugin-Id} and {@code Plugin-Version}
     */
    public static Described describe(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file + ": no such file");
        }
        try (JarFile jar = new JarFile(file.toFile())) {
            Manifest m = jar.getManifest();
            String id = m == null ? null : m.getMainAttributes().getValue("Plugin-Id");
            String version = m == null ? null : m.getMainAttributes().getValue("Plugin-Version");
            if (id == null || id.isBlank() || version == null || version.isBlank()) {
                throw new UserInputException(file + ": not a ClusterLab plugin: its manifest has no Plugin-Id and Plugin-Version"
                        + " (see docs/plugins.md for the manifest entries)");
            }
            String requires = Optional.ofNullable(m.getMainAttributes().getValue("Plugin-Requires")).orElse("").trim();
            return new Described(id.trim(), version.trim(), requires, file);
        } catch (IOException e) {
            throw new UserInputException(file + ": not a ClusterLab plugin: not a readable jar (" + e.getMessage() + ")", e);
        }
    }

    /** @return every plugin installed in the folder */
    public List<Described> installed() {
        List<Described> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                try {
                    out.add(describe(f));
                } catch (UserInputException notAPlugin) {
                    // listed by 'clusterlab plugins' as NOT LOADED with the reason
                }
            }
        } catch (IOException e) {
            throw new UserInputException(folder + ": cannot list: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Installs a plugin file, replacing an older version of the same id.
     *
     * @param file the jar
     * @return what was installed, at its new place
     * @throws UserInputException if it is not a plugin, needs another api, or is not newer than the installed one
     */
    public Described install(Path file) {
        Described d = describe(file);
        if (!d.requires().isEmpty() && !"*".equals(d.requires())
                && !VERSIONS.checkVersionConstraint(ApiVersion.current(), d.requires())) {
            throw new UserInputException(file + ": plugin " + d.id() + " " + d.version() + " requires api " + d.requires()
                    + " but this ClusterLab has api " + ApiVersion.current() + "; install a version built for it");
        }
        Optional<Described> old = installed().stream().filter(i -> i.id().equals(d.id())).findFirst();
        if (old.isPresent() && VERSIONS.compareVersions(old.get().version(), d.version()) >= 0) {
            throw new UserInputException("plugin " + d.id() + " is already installed at version " + old.get().version() + " ("
                    + old.get().file() + "); this file is version " + d.version() + ": uninstall it first ('clusterlab plugins uninstall "
                    + d.id() + "') or install a higher version");
        }
        Path target = folder.resolve(d.id() + "-" + d.version() + ".jar");
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, "." + d.id(), ".part"); // not *.jar: PF4J never sees it
            Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (old.isPresent() && !old.get().file().toAbsolutePath().equals(target.toAbsolutePath())) {
                Files.deleteIfExists(old.get().file());
            }
        } catch (IOException e) {
            throw new UserInputException(folder + ": cannot install " + file.getFileName() + ": " + e.getMessage(), e);
        }
        return new Described(d.id(), d.version(), d.requires(), target);
    }

    /**
     * Downloads a plugin file and installs it.
     *
     * @param url an http(s) or file URL of a jar
     * @return what was installed
     */
    public Described install(URI url) {
        Path file;
        try {
            file = new SimpleFileDownloader().downloadFile(url.toURL()); // pf4j-update's, as the repositories use
        } catch (IOException | IllegalArgumentException e) {
            throw new UserInputException(url + ": cannot download: " + e.getMessage(), e);
        }
        try {
            return install(file);
        } finally {
            deleteDownload(file);
        }
    }

    /** Removes a downloaded file, which the downloader leaves in the temporary folder. */
    static void deleteDownload(Path file) {
        if (file.toAbsolutePath().startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file
            }
        }
    }

    /**
     * @param id a plugin id installed in the folder
     * @return the removed file
     * @throws UserInputException if the folder has no plugin of that id
     */
    public Path uninstall(String id) {
        Described d = installed().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow(() -> new UserInputException(
                "plugin " + id + " is not installed in " + folder + " (built-in plugins are turned off with 'clusterlab plugins disable "
                        + id + "')"));
        try {
            Files.delete(d.file());
        } catch (IOException e) {
            throw new UserInputException(d.file() + ": cannot remove: " + e.getMessage(), e);
        }
        enable(id);
        return d.file();
    }

    /** @param id a plugin id to turn off, whichever folder holds it */
    public void disable(String id) {
        Set<String> ids = DisabledPlugins.read(folder);
        ids.add(id);
        DisabledPlugins.write(folder, ids);
    }

    /** @param id a plugin id to turn on again */
    public void enable(String id) {
        Set<String> ids = DisabledPlugins.read(folder);
        if (ids.remove(id)) {
            DisabledPlugins.write(folder, ids);
        }
    }
}
