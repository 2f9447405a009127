package dev.clusterlab.dist;

import dev.clusterlab.runner.cli.CommandLineFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs clusterlab in this JVM (fast) or through the installed launcher (the real thing). */
final class Cli {
    /** What a command printed and returned. */
    record Result(int exit, String out, String err) {
        boolean hasStackTrace() {
            return err.lines().anyMatch(l -> l.matches("\\s+at [\\w.$]+\\(.*"));
        }
    }

    static final Path DIST = Path.of(System.getProperty("clusterlab.dist"));

    private Cli() {
    }

    static Result inProcess(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int exit = CommandLineFactory.create(o, e).execute(args);
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    static Result launcher(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(DIST.resolve("bin/clusterlab").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("clusterlab " + args[0] + " did not finish in 5 minutes");
        }
        return new Result(p.exitValue(), java.nio.file.Files.readString(out), java.nio.file.Files.readString(err));
    }
}
