package dev.clusterlab.host.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: headless Chromium found on the PATH (or at {@code CLUSTERLAB_CHROMIUM}), run with a
 * throw-away profile and everything that could reach the network switched off.
 */
final class Chromium {
    static final String ENV = "CLUSTERLAB_CHROMIUM";
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    private final Path binary;
    private final Path work;

    private Chromium(Path binary, Path work) {
        this.binary = binary;
        this.work = work;
    }

    /**
     * @param work a temporary folder for profiles and output
     * @return the browser, if one is installed
     */
    static Optional<Chromium> find(Path work) {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env))) {
            return Optional.of(new Chromium(Path.of(env), work));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : NAMES) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(new Chromium(p, work));
                }
            }
        }
        return Optional.empty();
    }

    /** @return the DOM after loading the page (scripts, if any ran, have changed it) */
    String dumpDom(Path page) throws IOException, InterruptedException {
        Path out = run(page, List.of("--virtual-time-budget=3000", "--dump-dom"));
        return Files.readString(out);
    }

    /** @return the screenshot PNG of the page at the given window size */
    Path screenshot(Path page, int width, int height) throws IOException, InterruptedException {
        Path png = Files.createTempFile(work, "shot", ".png");
        Files.delete(png);
        run(page, List.of("--hide-scrollbars", "--window-size=" + width + "," + height, "--screenshot=" + png));
        if (!Files.exists(png)) {
            throw new AssertionError("chromium wrote no screenshot");
        }
        return png;
    }

    private Path run(Path page, List<String> extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "profile");
        Path stdout = Files.createTempFile(work, "stdout", ".txt");
        Path stderr = Files.createTempFile(work, "stderr", ".txt");
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--user-data-dir=" + profile));
        cmd.addAll(extra);
        cmd.add(page.toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("chromium exited with " + p.exitValue() + ": " + Files.readString(stderr));
        }
        return stdout;
    }

    @Override
    public String toString() {
        return binary.toString();
    }
}
