package dev.clusterlab.host.plugin;

import dev.clusterlab.api.ApiVersion;
import dev.clusterlab.api.UserInputException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.pf4j.DefaultVersionManager;
import org.pf4j.VersionManager;
import org.pf4j.update.DefaultUpdateRepository;
import org.pf4j.update.FileVerifier;
import org.pf4j.update.PluginInfo;
import org.pf4j.update.SimpleFileDownloader;
import org.pf4j.update.VerifyException;
import org.pf4j.update.verifier.Sha512SumVerifier;

/**
 * Plugin repositories in PF4J's update format (read by {@code pf4j-update}): a folder or an http(s) URL
 * holding {@code plugins.json}, a list of plugins each with releases ({@code version}, {@code requires},
 * {@code url} relative to the repository or absolute, {@code sha512sum}). {@link #search} lists them;
 * {@link #install} picks a release, downloads it, checks its SHA-512 and installs it with a
 * {@link PluginInstaller}.
 */
public final class PluginRepositories {
    private static final VersionManager VERSIONS = new DefaultVersionManager();

    private final List<DefaultUpdateRepository> repositories = new ArrayList<>();

    /**
     * @param locations repository folders or URLs
     * @throws UserInputException naming a location that is neither
     */
    public PluginRepositories(List<String> locations) {
        int i = 0;
        for (String location : locations) {
            repositories.add(new DefaultUpdateRepository("repository-" + (++i), url(location)));
        }
    }

    /**
     * The repositories a user configured: {@code CLUSTERLAB_REPOSITORIES}, comma-separated folders or URLs.
     *
     * @return the locations, possibly none
     */
    public static List<String> configured() {
        String env = System.getenv("CLUSTERLAB_REPOSITORIES");
        List<String> out = new ArrayList<>();
        if (env != null) {
            for (String s : env.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    private static URL url(String location) {
        try {
            if (location.matches("(?i)(https?|file)://.*")) {
                return URI.create(location.endsWith("/") ? location : location + "/").toURL();
            }
            Path dir = Path.of(location).toAbsolutePath().normalize();
            if (!Files.isRegularFile(dir.resolve("plugins.json"))) {
                throw new UserInputException("plugin repository " + location + ": no plugins.json there (PF4J's update format)");
            }
            return dir.toUri().toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new UserInputException("plugin repository " + location + ": not a folder or a URL: " + e.getMessage(), e);
        }
    }

    /** One release of a plugin in a repository. */
    public record Release(String id, String description, String version, String requires, String repository) {
    }

    /** @return every release of every plugin, by id then version */
    public List<Release> search() {
        List<Release> out = new ArrayList<>();
        for (DefaultUpdateRepository r : repositories) {
            for (PluginInfo p : plugins(r)) {
                if (p.releases != null) {
                    p.releases.forEach(rel -> out.add(new Release(p.id, p.description == null ? "" : p.description, rel.version,
                            rel.requires == null ? "" : rel.requires, r.getUrl().toString())));
                }
            }
        }
        out.sort(Comparator.comparing(Release::id).thenComparing(Release::version, VERSIONS::compareVersions));
        return out;
    }

    private static List<PluginInfo> plugins(DefaultUpdateRepository r) {
        try {
            return new ArrayList<>(r.getPlugins().values());
        } catch (RuntimeException e) {
            throw new UserInputException("plugin repository " + r.getUrl() + ": cannot read plugins.json: " + e.getMessage(), e);
        }
    }

    /**
     * Installs a plugin by id: the given version, or the newest release this api satisfies.
     *
     * @param idAndVersion {@code ID} or {@code ID@VERSION}
     * @param installer where it goes
     * @return what was installed
     * @throws UserInputException if no repository has it, no release fits, or the checksum does not match
     */
    public PluginInstaller.Described install(String idAndVersion, PluginInstaller installer) {
        String id = idAndVersion.contains("@") ? idAndVersion.substring(0, idAndVersion.indexOf('@')) : idAndVersion;
        String wanted = idAndVersion.contains("@") ? idAndVersion.substring(idAndVersion.indexOf('@') + 1) : null;
        for (DefaultUpdateRepository r : repositories) {
            Optional<PluginInfo> p = plugins(r).stream().filter(i -> id.equals(i.id)).findFirst();
            if (p.isEmpty() || p.get().releases == null) {
                continue;
            }
            Optional<PluginInfo.PluginRelease> release = p.get().releases.stream()
                    .filter(rel -> wanted == null ? fits(rel) : wanted.equals(rel.version))
                    .max((a, b) -> VERSIONS.compareVersions(a.version, b.version));
            if (release.isEmpty()) {
                throw new UserInputException("plugin " + id + " in " + r.getUrl() + ": " + (wanted != null ? "no release " + wanted
                        : "no release for api " + ApiVersion.current()) + "; releases: "
                        + p.get().releases.stream().map(rel -> rel.version + " (requires " + rel.requires + ")").toList());
            }
            return download(r, p.get(), release.get(), installer);
        }
        throw new UserInputException("no configured repository has a plugin '" + id + "' ('clusterlab plugins search' lists them)");
    }

    private static boolean fits(PluginInfo.PluginRelease rel) {
        return rel.requires == null || rel.requires.isBlank() || VERSIONS.checkVersionConstraint(ApiVersion.current(), rel.requires);
    }

    private static PluginInstaller.Described download(DefaultUpdateRepository r, PluginInfo p, PluginInfo.PluginRelease rel,
                                                      PluginInstaller installer) {
        Path file = null;
        try {
            URL url = new URL(r.getUrl(), rel.url);
            file = new SimpleFileDownloader().downloadFile(url);
            if (rel.sha512sum == null || rel.sha512sum.isBlank()) {
                throw new UserInputException("plugin " + p.id + " " + rel.version + " in " + r.getUrl()
                        + ": the release has no sha512sum; ClusterLab installs only releases it can check");
            }
            new Sha512SumVerifier().verify(new FileVerifier.Context(p.id, rel), file);
            return installer.install(file);
        } catch (VerifyException e) {
            throw new UserInputException("plugin " + p.id + " " + rel.version + " from " + r.getUrl() + ": the downloaded file's SHA-512 "
                    + "does not match the repository's sha512sum; nothing was installed (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UserInputException("plugin " + p.id + " " + rel.version + ": cannot download " + rel.url + ": " + e.getMessage(), e);
        } finally {
            if (file != null) {
                PluginInstaller.deleteDownload(file);
            }
        }
    }
}
