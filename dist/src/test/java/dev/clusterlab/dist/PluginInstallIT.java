package dev.clusterlab.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clusterlab plugins install | uninstall | disable | enable} through the installed launcher, on a
 * user plugins folder given by CLUSTERLAB_USER_PLUGINS: an installed plugin loads next to the built-in
 * ones; a file that is not a plugin, a plugin for another api and an older or equal version are refused
 * with exit 2 and nothing copied.
 */
class PluginInstallIT {
    @TempDir
    Path tmp;

    private Cli.Result clusterlab(Path user, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Cli.DIST.resolve("bin/clusterlab").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        pb.environment().putAll(Map.of("CLUSTERLAB_USER_PLUGINS", user.toString()));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Cli.Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void installedPluginsLoadNextToTheBuiltInOnesAndBadFilesAreRefused() throws Exception {
        Path user = tmp.resolve("user-plugins");
        Path v1 = PluginJars.write(tmp.resolve("faulty-1.jar"), "faulty", "1.0.0", ">=0.1.0", "", ThrowingAlgorithm.class);
        Path v2 = PluginJars.write(tmp.resolve("faulty-2.jar"), "faulty", "1.1.0", ">=0.1.0", "", ThrowingAlgorithm.class);
        Path future = PluginJars.write(tmp.resolve("future.jar"), "future", "1.0.0", ">=9.0.0", "", ThrowingAlgorithm.class);
        Path notAJar = Files.writeString(tmp.resolve("readme.jar"), "not a jar");

        Cli.Result installed = clusterlab(user, "plugins", "install", v1.toString());
        assertThat(installed.exit()).as(installed.err()).isZero();
        assertThat(installed.out()).contains("installed faulty 1.0.0");
        Cli.Result listed = clusterlab(user, "plugins");
        assertThat(listed.out()).contains("faulty").contains("kmeans").contains(user.toString());

        for (Path bad : List.of(notAJar, future, v1)) {
            Cli.Result refused = clusterlab(user, "plugins", "install", bad.toString());
            assertThat(refused.exit()).as(bad + ": " + refused.err()).isEqualTo(2);
            assertThat(refused.err()).doesNotContain("Exception");
        }
        assertThat(clusterlab(user, "plugins", "install", notAJar.toString()).err()).contains("not a ClusterLab plugin");
        assertThat(clusterlab(user, "plugins", "install", future.toString()).err()).contains("requires api >=9.0.0");
        assertThat(clusterlab(user, "plugins", "install", v1.toString()).err()).contains("already installed at version 1.0.0");
        try (var files = Files.list(user)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("faulty-1.0.0.jar");
        }

        Cli.Result upgraded = clusterlab(user, "plugins", "install", v2.toString());
        assertThat(upgraded.exit()).as(upgraded.err()).isZero();
        try (var files = Files.list(user)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("faulty-1.1.0.jar");
        }

        assertThat(clusterlab(user, "plugins", "disable", "kmeans").exit()).isZero();
        Cli.Result off = clusterlab(user, "plugins");
        assertThat(off.out().lines().filter(l -> l.startsWith("kmeans "))).singleElement().asString().contains("DISABLED");
        Cli.Result noKmeans = clusterlab(user, "cluster", "--algorithm", "kmeans", "--input", writeBlobs().toString());
        assertThat(noKmeans.exit()).isEqualTo(2);
        assertThat(clusterlab(user, "plugins", "enable", "kmeans").exit()).isZero();
        assertThat(clusterlab(user, "cluster", "--algorithm", "kmeans", "--param", "k=2", "--input", writeBlobs().toString()).exit()).isZero();

        Cli.Result removed = clusterlab(user, "plugins", "uninstall", "faulty");
        assertThat(removed.exit()).as(removed.err()).isZero();
        assertThat(clusterlab(user, "plugins", "uninstall", "faulty").exit()).isEqualTo(2);
        assertThat(clusterlab(user, "plugins").out()).doesNotContain("faulty");
    }

    private Path writeBlobs() throws Exception {
        return Files.writeString(tmp.resolve("b.csv"), "x,y\n0,0\n0,1\n1,0\n10,10\n10,11\n11,10\n");
    }

    @Test
    void aRepositoryFolderInstallsByIdWithItsChecksumChecked() throws Exception {
        Path user = tmp.resolve("user-plugins");
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path good = PluginJars.write(repo.resolve("faulty-1.2.0.jar"), "faulty", "1.2.0", ">=0.1.0", "", ThrowingAlgorithm.class);
        PluginJars.write(repo.resolve("other-1.0.0.jar"), "other", "1.0.0", ">=0.1.0", "", ThrowingAlgorithm.class);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(good)));
        Files.writeString(repo.resolve("plugins.json"), """
                [
                  {"id": "faulty", "description": "throws, for tests", "releases": [
                    {"version": "1.2.0", "date": "2026-12-07", "requires": ">=0.1.0", "url": "faulty-1.2.0.jar", "sha512sum": "%s"},
                    {"version": "9.0.0", "date": "2026-12-07", "requires": ">=9.0.0", "url": "faulty-1.2.0.jar", "sha512sum": "%s"}]},
                  {"id": "other", "description": "a wrong checksum", "releases": [
                    {"version": "1.0.0", "date": "2026-12-07", "requires": ">=0.1.0", "url": "other-1.0.0.jar", "sha512sum": "%s"}]}
                ]
                """.formatted(sha, sha, "0".repeat(128)));
        Cli.Result search = clusterlab(user, "plugins", "search", "--repository", repo.toString());
        assertThat(search.exit()).as(search.err()).isZero();
        assertThat(search.out()).contains("faulty").contains("1.2.0").contains("9.0.0").contains("other");
        Cli.Result installed = clusterlab(user, "plugins", "install", "faulty", "--repository", repo.toString());
        assertThat(installed.exit()).as(installed.err()).isZero();
        assertThat(installed.out()).as("the newest release this api satisfies").contains("installed faulty 1.2.0");
        Cli.Result mismatch = clusterlab(user, "plugins", "install", "other", "--repository", repo.toString());
        assertThat(mismatch.exit()).isEqualTo(2);
        assertThat(mismatch.err()).contains("SHA-512").contains("does not match").doesNotContain("Exception in");
        Cli.Result unknown = clusterlab(user, "plugins", "install", "nosuch", "--repository", repo.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        try (var files = Files.list(user)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".jar"))).containsExactly("faulty-1.2.0.jar");
        }
    }
}
