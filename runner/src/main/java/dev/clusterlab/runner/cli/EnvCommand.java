package dev.clusterlab.runner.cli;

import dev.clusterlab.api.ApiVersion;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.Environment;
import dev.clusterlab.host.KernelChoice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code clusterlab env}: the JDK, CPU, vector width and which kernels run, and why. */
@Command(name = "env", mixinStandardHelpOptions = true, description = "Show the JDK, CPU, vector width and kernel implementation.")
final class EnvCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private final Streams io;

    EnvCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        try (ClusterLab lab = common.openSession()) {
            print(lab);
        }
        return 0;
    }

    private void print(ClusterLab lab) {
        KernelChoice k = lab.kernels();
        row("clusterlab api", ApiVersion.current());
        row("java", Environment.jvm() + " (" + System.getProperty("java.home") + ")");
        row("os", Environment.os());
        row("cpu", cpuInfo("model name").orElse("unknown"));
        row("cores", Integer.toString(Environment.cores()));
        row("max heap", Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        Optional<String> flags = cpuInfo("flags");
        row("cpu features", flags.map(EnvCommand::simdFlags).orElse("unknown (no /proc/cpuinfo)"));
        boolean vectorModule = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        row("vector module", vectorModule ? "jdk.incubator.vector loaded" : "not loaded (add --add-modules jdk.incubator.vector)");
        row("kernels", k.implementation() + ": " + k.description());
        row("kernel choice", k.reason());
        row("plugin folders", lab.registry().folders().isEmpty() ? "(none)"
                : String.join(":", lab.registry().folders().stream().map(Object::toString).toList()));
    }

    private void row(String key, String value) {
        io.out().printf(Locale.ROOT, "%-16s %s%n", key, value);
    }

    private static String simdFlags(String flags) {
        List<String> have = List.of(flags.split("\\s+"));
        List<String> wanted = List.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512vl", "asimd", "sve");
        List<String> found = wanted.stream().filter(have::contains).toList();
        return found.isEmpty() ? "none of " + wanted : String.join(" ", found) + (have.contains("fma") || have.contains("asimd") ? " (FMA: yes)" : " (FMA: no)");
    }

    private static Optional<String> cpuInfo(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith(key)) {
                    int colon = line.indexOf(':');
                    return Optional.of(line.substring(colon + 1).trim());
                }
            }
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
