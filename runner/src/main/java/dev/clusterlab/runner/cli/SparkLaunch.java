package dev.clusterlab.runner.cli;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.yaml.YamlNode;
import dev.clusterlab.host.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code clusterlab run FILE --spark MASTER} (or a file with an {@code engine: {spark: MASTER}} key): the
 * runner keeps Spark off its own class path (hundreds of megabytes) and starts a child JVM, on the same
 * JDK, with the installation's {@code lib/spark/} jars (Spark and {@code clusterlab-spark}, copied there
 * by the distribution's build) before {@code lib/}, the JVM flags Spark's own launcher adds, and
 * {@code dev.clusterlab.spark.SparkMain run}, which runs the experiment's grid as Spark tasks. Its output
 * and exit code are the command's.
 */
final class SparkLaunch {
    /** The class the child runs (named, not linked: the runner does not depend on the spark module). */
    static final String MAIN = "dev.clusterlab.spark.SparkMain";

    /**
     * What Spark's launcher adds on JDK 17+ ({@code launcher/.../JavaModuleOptions.java} of Spark 4.2), the Vector
     * API module, and native access; the spark module's Surefire {@code argLine} has the same list.
     */
    static final List<String> JVM_FLAGS = List.of("-XX:+IgnoreUnrecognizedVMOptions", "--add-modules=jdk.incubator.vector",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED", "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow", "-Djdk.reflect.useDirectMethodHandle=false", "-Dio.netty.tryReflectionSetAccessible=true");

    private SparkLaunch() {
    }

    /**
     * @param file an experiment file, or {@code null}
     * @return its {@code engine.spark} master, or {@code null} when it has none (the child checks the key's form)
     */
    static String engineOf(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (YamlReader.read(file.toString(), r) instanceof YamlNode.Mapping m && m.entries().get("engine") instanceof YamlNode.Mapping e
                    && e.entries().get("spark") instanceof YamlNode.Scalar s && s.value() != null) {
                return String.valueOf(s.value()).strip();
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null; // the local parser reports what is wrong with the file
        }
    }

    /**
     * Runs the child and waits for it.
     *
     * @param master the Spark master URL
     * @param args {@code SparkMain run}'s arguments after {@code run}
     * @param io where the child's output goes
     * @return its exit code
     */
    static int run(String master, List<String> args, Streams io) {
        Path lib = libDir();
        Path sparkLib = lib.resolve("spark");
        if (!Files.isDirectory(sparkLib)) {
            throw new UserInputException("--spark " + master + ": this installation has no Spark jars in " + sparkLib
                    + "; build the distribution with them (./mvnw -B -ntp package -DskipTests -pl dist -am) or run the experiment with"
                    + " spark-submit (docs/spark.md)");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(JVM_FLAGS);
        String opts = System.getenv("CLUSTERLAB_OPTS");
        if (opts != null && !opts.isBlank()) {
            cmd.addAll(List.of(opts.strip().split("\\s+")));
        }
        cmd.add("-Dclusterlab.spark.quiet-logs=true"); // SparkMain.QUIET_LOGS: Spark's INFO lines would bury the table
        cmd.add("-cp");
        cmd.add(classPath(sparkLib, lib));
        cmd.add(MAIN);
        cmd.add("run");
        cmd.addAll(args);
        cmd.add("--spark");
        cmd.add(master);
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.INHERIT);
            if (master.startsWith("local")) {
                pb.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1"); // one machine: the loopback only
            }
            Process p = pb.start();
            Thread out = copy(p.getInputStream(), io.out());
            Thread err = copy(p.getErrorStream(), io.err());
            int rc = p.waitFor();
            out.join();
            err.join();
            return rc;
        } catch (IOException e) {
            throw new UserInputException("--spark " + master + ": cannot start the Spark JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** lib/spark first (Spark's logging binding), then lib without the runner's own SLF4J binding. */
    private static String classPath(Path sparkLib, Path lib) {
        List<String> jars = new ArrayList<>();
        for (Path dir : List.of(sparkLib, lib)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                        .filter(f -> !(dir.equals(lib) && f.getFileName().toString().startsWith("slf4j-simple")))
                        .sorted().forEach(f -> jars.add(f.toString()));
            } catch (IOException e) {
                throw new UserInputException(dir + ": cannot list the jars: " + e.getMessage(), e);
            }
        }
        return String.join(java.io.File.pathSeparator, jars);
    }

    /** The installation's lib folder: {@code clusterlab.home} (set by bin/clusterlab), else the folder of the runner's jar. */
    private static Path libDir() {
        String home = System.getProperty("clusterlab.home");
        if (home != null) {
            return Path.of(home, "lib");
        }
        try {
            return Path.of(SparkLaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new UserInputException("--spark: cannot tell where the installation's lib folder is; set -Dclusterlab.home", e);
        }
    }

    private static Thread copy(InputStream from, OutputStream to) {
        Thread t = new Thread(() -> {
            try {
                from.transferTo(to);
                to.flush();
            } catch (IOException ignored) {
                // the child is gone; its exit code says how
            }
        }, "clusterlab-spark-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
