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
import java.util.Optional;
import dev.clusterlab.host.experiment.AfterCrash;
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

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Run the runs as Spark tasks on MASTER (local[2], spark://HOST:7077, yarn) in a child JVM with lib/spark/; "
                    + "an engine: {spark: MASTER} key in the file does the same. See docs/spark.md.")
    String spark;

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
        String sparkMaster = spark != null ? spark : SparkLaunch.engineOf(file);
        if (sparkMaster != null && !dryRun) {
            return SparkLaunch.run(sparkMaster, sparkArguments(), io);
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
            ExitStatus.output(dir);
            Thread hook = new Thread(() -> {
                Optional<String> exitedBy = PluginExit.caller();
                if (exitedBy.isPresent()) {
                    // A plugin's System.exit: the rows written stand; record its runs FAILED, write the report, exit 1.
                    AfterCrash.Outcome o = AfterCrash.record(dir, host, "System.exit called by " + exitedBy.get());
                    io.err().println(AfterExit.message(o, dir, "called System.exit in " + exitedBy.get()));
                    io.err().flush();
                    ExitStatus.record(CommandLineFactory.RUN_FAILED);
                    Runtime.getRuntime().halt(CommandLineFactory.RUN_FAILED);
                }
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
    /** This command's options as {@code SparkMain run} takes them. */
    private List<String> sparkArguments() {
        if (file == null) {
            throw new UserInputException("--spark needs an experiment file (the embedded quickstart runs locally)");
        }
        List<String> args = new ArrayList<>(List.of(file.toString()));
        if (output != null) {
            args.addAll(List.of("--output", output.toString()));
        }
        if (resume) {
            args.add("--resume");
        }
        overrides.forEach(o -> args.addAll(List.of("--set", o)));
        common.pluginFolders().forEach(f -> args.addAll(List.of("--plugins", f.toString())));
        if (common.threads != null) {
            args.addAll(List.of("--threads", common.threads.toString()));
        }
        if (common.kernels != null) {
            args.addAll(List.of("--kernels", common.kernels));
        }
        if (common.quiet()) {
            args.add("--quiet");
        }
        return args;
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
