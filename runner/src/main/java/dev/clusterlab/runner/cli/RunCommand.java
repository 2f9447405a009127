package dev.clusterlab.runner.cli;

import dev.clusterlab.host.experiment.ExperimentFiles;
import dev.clusterlab.host.experiment.ExperimentRun;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.experiment.Experiment;
import dev.clusterlab.host.experiment.PlannedRun;
import dev.clusterlab.host.experiment.RunPlan;
import dev.clusterlab.host.output.ComparisonTable;
import dev.clusterlab.host.output.SummaryTable;
import dev.clusterlab.host.Cancellation;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.plugin.Registry;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clusterlab run [FILE.yaml]}: runs an experiment and prints the comparison table. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an experiment: every dataset x algorithm configuration x repeat, then a comparison table.",
                "Without FILE, runs the embedded quickstart experiment."})
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.yaml", description = "The experiment file.")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Output folder (default: results/NAME-TIME). An existing non-empty folder needs --resume.")
    Path output;

    @Option(names = "--resume", description = "Continue in an existing output folder, skipping runs recorded as OK.")
    boolean resume;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a value of the experiment file, e.g. --set seed=7 --set algorithms[0].params.k=[2,3,4]; repeatable.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--dry-run", description = "Print the expanded run matrix and stop: nothing is loaded, fitted or written.")
    boolean dryRun;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Runs at once (default: cores / threads per fit, at least 1). Results do not depend on it.")
    Integer jobs;

    @Option(names = "--table", paramLabel = "VIEW", defaultValue = "summary",
            description = "summary (per configuration: mean ± std over seeds, ranked; default) or runs (one row per run).")
    String table;

    @Mixin
    CommonOptions common;

    private final Streams io;

    RunCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (!table.equals("summary") && !table.equals("runs")) {
            throw new UserInputException("--table must be summary or runs; got '" + table + "'");
        }
        try (ClusterLab lab = common.openSession()) {
            Registry host = lab.registry();
            PluginWarnings.print(host, io.err());
            Experiment e = ExperimentFiles.load(file, host, overrides);
            int threads = common.threads(e.threads());
            if (dryRun) {
                List<PlannedRun> plan = RunPlan.expand(e);
                io.out().printf("experiment %s: %d runs, %d threads per fit%n", e.name(), plan.size(), threads);
                for (PlannedRun p : plan) {
                    io.out().printf("%4d  %s  %s  %s  seed %d  (%s)%n", p.index(), p.dataset(), p.algorithm().label(), p.paramsText(),
                            p.seed(), p.id());
                }
                return 0;
            }
            Path dir = output != null ? output
                    : Path.of("results", e.name() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            // Ctrl-C (or a TERM) asks the runs in flight to stop and waits while they are recorded CANCELLED
            // and the report of the finished ones is written; --resume continues.
            Cancellation stop = new Cancellation();
            java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
            Thread hook = new Thread(() -> {
                stop.cancel("interrupted (Ctrl-C)");
                try {
                    written.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }, "clusterlab-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            ExperimentRun.Result result;
            try {
                result = ExperimentRun.run(lab, e, new ExperimentRun.Options(dir, resume, threads, jobs(threads),
                        common.quiet() ? new java.io.PrintStream(java.io.OutputStream.nullOutputStream()) : io.err(), stop));
                if (stop.isCancelled()) { // printed before the hook lets the JVM stop
                    io.out().print(SummaryTable.render(result.comparison(), notes(result.datasets())));
                    io.out().flush();
                    io.err().println("stopped: " + result.runs().stream().filter(r -> r.ok()).count() + " finished runs are recorded in "
                            + dir.toAbsolutePath().normalize() + " with their report; 'clusterlab run " + file + " --output " + dir
                            + " --resume' continues");
                    io.err().flush();
                    return 130;
                }
            } finally {
                written.countDown();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: the hook finds the results written
            }
            if (table.equals("runs")) {
                io.out().print(ComparisonTable.render(result.runs(), e.metrics()));
            } else {
                io.out().print(SummaryTable.render(result.comparison(), notes(result.datasets())));
            }
            io.out().println();
            io.out().println("results: " + dir.toAbsolutePath().normalize());
            io.out().println("report: " + dir.resolve("report.html").toAbsolutePath().normalize());
            if (result.experiment().saveModels() == dev.clusterlab.host.experiment.SaveModels.BEST) {
                result.models().forEach((dataset, file) -> io.out().println("best model of " + dataset + ": " + file.toAbsolutePath().normalize()
                        + " (clusterlab predict -m FILE -i NEW.csv)"));
            } else if (!result.models().isEmpty()) {
                io.out().println("models: " + result.models().size() + " files in " + dir.resolve("models").toAbsolutePath().normalize());
            }
            long failed = result.failed();
            if (failed > 0) {
                io.err().println(failed + " of " + result.ran() + " runs failed; see the message column of "
                        + dir.resolve("results.csv"));
                return 1;
            }
            return 0;
        }
    }
    private int jobs(int threads) {
        if (jobs != null && jobs < 1) {
            throw new UserInputException("--jobs must be >= 1; got " + jobs);
        }
        return jobs != null ? jobs : Math.max(1, Runtime.getRuntime().availableProcessors() / threads);
    }

    private static Map<String, String> notes(Map<String, Dataset> datasets) {
        Map<String, String> notes = new LinkedHashMap<>();
        datasets.forEach((name, d) -> notes.put(name, d.n() + " x " + d.d() + (d.hasTruth() ? ", with ground truth" : "")));
        return notes;
    }
}
