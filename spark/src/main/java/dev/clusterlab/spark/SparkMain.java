package dev.clusterlab.spark;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.experiment.ExperimentRun;
import dev.clusterlab.host.output.SummaryTable;
import dev.clusterlab.spark.data.DataKMeans;
import dev.clusterlab.spark.data.DataModel;
import dev.clusterlab.spark.data.DataPreprocessing;
import dev.clusterlab.spark.data.DataSource;
import dev.clusterlab.spark.data.LabelTable;
import dev.clusterlab.spark.data.PointTable;
import dev.clusterlab.spark.grid.ExecutorRuns;
import dev.clusterlab.spark.grid.GridSettings;
import dev.clusterlab.spark.grid.SparkGridRun;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The entry point on Spark, for {@code spark-submit} and for the child JVM that {@code clusterlab run
 * --spark MASTER} starts:
 * <ul>
 *   <li>{@code run FILE.yaml [--spark MASTER] [--output DIR] [--resume] [--set P=V]... [--plugins DIR]...
 *       [--threads N] [--kernels MODE] [--quiet]}: grid mode, the experiment's runs as Spark tasks;</li>
 *   <li>{@code kmeans --input PATH [--format csv|parquet] [--columns A,B | --exclude A,B] --k K [--max-iter N]
 *       [--tol T] [--seed S] [--init-centroids FILE.csv] [--preprocess standardize|minmax,...] [--labels OUT]
 *       [--centroids FILE.csv] [--save-model M.json] [--plugins DIR]... [--spark MASTER]}:
 *       data mode, data-parallel k-means on a table Spark reads, labels written as a Parquet table, the fitted
 *       pipeline as the host's model file.</li>
 * </ul>
 * Exit codes as the CLI's: 0 success, 1 a run failed, 2 a mistake in the input (one message, no stack trace), 3 an internal error.
 */
public final class SparkMain {
    /** System property set by the CLI's launcher: only warnings and errors from Spark's logging. */
    public static final String QUIET_LOGS = "clusterlab.spark.quiet-logs";

    private SparkMain() {
    }

    /**
     * @param args the command and its options
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * @param args the command and its options
     * @param out where tables go
     * @param err where progress and errors go
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            JdkCheck.require();
            if (Boolean.getBoolean(QUIET_LOGS)) {
                // Started by 'clusterlab run --spark': Spark's INFO lines would bury the run lines and the table.
                org.apache.logging.log4j.core.config.Configurator.setRootLevel(org.apache.logging.log4j.Level.WARN);
            }
            if (args.length == 0) {
                throw new UserInputException("usage: SparkMain run FILE.yaml [options] | kmeans --input PATH --k K [options]");
            }
            return switch (args[0]) {
                case "run" -> grid(new Args("run", args, 1, Set.of("--spark", "--output", "--set", "--plugins", "--threads", "--kernels"),
                        Set.of("--resume", "--quiet")), out, err);
                case "kmeans" -> kmeans(new Args("kmeans", args, 1, Set.of("--spark", "--input", "--format", "--columns", "--exclude", "--k",
                        "--max-iter", "--tol", "--seed", "--init-centroids", "--labels", "--centroids", "--preprocess", "--save-model", "--plugins"),
                        Set.of()), out);
                default -> throw new UserInputException("unknown command '" + args[0] + "'; expected run or kmeans");
            };
        } catch (UserInputException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("internal error: " + e);
            e.printStackTrace(err);
            return 3;
        }
    }

    private static int grid(Args a, PrintStream out, PrintStream err) {
        if (a.positional.size() != 1) {
            throw new UserInputException("run: expected one experiment file; got " + a.positional);
        }
        Path file = Path.of(a.positional.getFirst());
        List<Path> folders = new ArrayList<>();
        a.all("--plugins").forEach(p -> List.of(p.split(":")).stream().filter(s -> !s.isBlank()).map(Path::of).forEach(folders::add));
        String kernels = a.get("--kernels") != null ? a.get("--kernels") : "auto";
        int threads = a.integer("--threads", 1);
        boolean shared = SparkSession.getDefaultSession().isDefined(); // a caller's session (tests, a notebook) is left running
        // Spark takes seconds to start: with the master on the command line (as 'clusterlab run --spark' gives it),
        // it starts while the plugins load and the file is parsed.
        CompletableFuture<SparkContext> early = a.get("--spark") != null ? starting(a.get("--spark")) : null;
        SparkContext spark = null;
        try (ClusterLab lab = ClusterLab.builder().pluginFolders(folders).kernels(kernels).threads(threads).build()) {
            ExperimentFile f = ExperimentFile.load(file, lab.registry(), a.all("--set"));
            String master = a.get("--spark") != null ? a.get("--spark") : f.master();
            Path dir = a.get("--output") != null ? Path.of(a.get("--output"))
                    : Path.of("results", f.experiment().name() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            GridSettings s = new GridSettings("", "", folders.stream().map(p -> p.toAbsolutePath().toString()).toList(), kernels, threads)
                    .of(f.experiment(), f.baseDir());
            if (master != null && master.startsWith("local")) {
                ExecutorRuns.prepareAhead(s); // the tasks run in this JVM
            }
            spark = early != null ? join(early) : SparkSessions.context(master);
            PrintStream log = a.flag("--quiet") ? new PrintStream(java.io.OutputStream.nullOutputStream()) : err;
            ExperimentRun.Result r = SparkGridRun.run(spark, lab, f.experiment(), f.baseDir(), s, dir, a.flag("--resume"), log);
            Map<String, String> notes = new LinkedHashMap<>();
            r.datasets().forEach((name, d) -> notes.put(name, d.n() + " x " + d.d() + (d.hasTruth() ? ", with ground truth" : "")));
            out.print(SummaryTable.render(r.comparison(), notes));
            out.println();
            out.println("results: " + dir.toAbsolutePath().normalize());
            out.println("report: " + dir.resolve("report.html").toAbsolutePath().normalize());
            r.models().forEach((dataset, m) -> out.println("best model of " + dataset + ": " + m.toAbsolutePath().normalize()
                    + " (clusterlab predict -m FILE -i NEW.csv)"));
            if (r.failed() > 0) {
                err.println(r.failed() + " of " + r.ran() + " runs failed; see the message column of " + dir.resolve("results.csv"));
                return 1;
            }
            return 0;
        } finally {
            if (!shared && spark != null) {
                spark.stop();
            } else if (!shared && early != null) {
                early.thenAccept(SparkContext::stop); // a mistake in the file: no need to wait for Spark to say so
            }
        }
    }

    /** Starts a Spark context on a thread of its own, which inherits this thread's context class loader (spark-submit's). */
    private static CompletableFuture<SparkContext> starting(String master) {
        CompletableFuture<SparkContext> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(SparkSessions.context(master));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "clusterlab-spark-start");
        t.setDaemon(true);
        t.start();
        return f;
    }

    private static SparkContext join(CompletableFuture<SparkContext> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re; // a UserInputException (the JDK check) or Spark's own, as when started on this thread
            }
            throw e;
        }
    }

    private static int kmeans(Args a, PrintStream out) {
        String input = a.get("--input");
        if (input == null || a.get("--k") == null) {
            throw new UserInputException("kmeans: --input PATH and --k K are required");
        }
        int k = a.integer("--k", 0);
        List<Path> folders = new ArrayList<>();
        a.all("--plugins").forEach(p -> List.of(p.split(":")).stream().filter(x -> !x.isBlank()).map(Path::of).forEach(folders::add));
        boolean shared = SparkSession.getDefaultSession().isDefined(); // a caller's session (tests, a notebook) is left running
        SparkSession spark = SparkSessions.open(a.get("--spark"));
        try (ClusterLab lab = ClusterLab.builder().pluginFolders(folders).threads(1).build()) {
            DataSource source = new DataSource(input, a.get("--format"), a.list("--columns"), a.list("--exclude"));
            PointTable raw = PointTable.of(source.read(spark), input);
            DataPreprocessing.Result prepared = DataPreprocessing.fit(raw,
                    a.get("--preprocess") == null ? List.of() : lab.steps(a.get("--preprocess")));
            PointTable table = prepared.table();
            float[] start = a.get("--init-centroids") == null ? null : CentroidsCsv.read(Path.of(a.get("--init-centroids")), k, table.d());
            DataKMeans.Result r = DataKMeans.fit(table, new DataKMeans.Settings(k, a.integer("--max-iter", 300), a.real("--tol", 1e-4),
                    a.longValue("--seed", 0), start), null);
            String labels = a.get("--labels") != null ? a.get("--labels") : LabelTable.besideInput(input);
            LabelTable.write(spark, table, r.centres(), k, labels);
            if (a.get("--centroids") != null) {
                CentroidsCsv.write(Path.of(a.get("--centroids")), r.centres(), table.columns());
            }
            out.printf(Locale.ROOT, "kmeans on %s: %d rows x %d columns, k=%d, %d iterations%s, inertia %.10g%s%n", input, table.n(), table.d(),
                    k, r.iterations(), r.converged() ? " (converged)" : "", r.inertia(),
                    r.emptyClusters() > 0 ? ", " + r.emptyClusters() + " empty clusters" : "");
            out.println("labels: " + labels);
            if (a.get("--save-model") != null) {
                Path model = Path.of(a.get("--save-model"));
                DataModel.save(lab, DataPreprocessing.hostSteps(lab, prepared.steps(), raw.columns()), raw.columns(), r.centres(), k, model);
                out.println("model: " + model.toAbsolutePath().normalize() + " (clusterlab predict -m FILE -i NEW.csv)");
            }
            if (table != raw) {
                table.release();
            }
            raw.release();
            return 0;
        } finally {
            if (!shared) {
                spark.stop();
            }
        }
    }
}
