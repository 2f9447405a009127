package dev.clusterlab.runner.cli;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.runner.experiment.Experiment;
import dev.clusterlab.runner.experiment.ExperimentRunner;
import dev.clusterlab.runner.experiment.ExperimentYaml;
import dev.clusterlab.runner.experiment.PlannedRun;
import dev.clusterlab.runner.experiment.RunPlan;
import dev.clusterlab.runner.output.ComparisonTable;
import dev.clusterlab.runner.output.ResultFiles;
import dev.clusterlab.runner.output.RunRecord;
import dev.clusterlab.runner.plugin.PluginHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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

    @Mixin
    CommonOptions common;

    private final Streams io;

    RunCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        try (PluginHost host = common.openHost()) {
            PluginWarnings.print(host, io.err());
            Experiment e = ExperimentSource.load(file, host);
            int threads = common.threads(e.threads());
            Path dir = output != null ? output
                    : Path.of("results", e.name() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            checkOutputFolder(dir);
            List<PlannedRun> plan = RunPlan.expand(e);
            ResultFiles out = new ResultFiles(dir, e.metrics());
            Set<String> done = resume ? out.finishedRuns() : Set.of();
            out.writeText("experiment.yaml", ExperimentYaml.write(e, threads));
            io.err().printf("experiment %s: %d runs (%d already done), %d threads, output %s%n", e.name(), plan.size(),
                    done.size(), threads, dir);
            List<RunRecord> records = new ExperimentRunner(host, threads, io.err()).run(e, plan, done, out);
            io.out().print(ComparisonTable.render(records, e.metrics()));
            io.out().println("results: " + dir.toAbsolutePath().normalize());
            long failed = records.stream().filter(r -> !RunRecord.OK.equals(r.status())).count();
            if (failed > 0) {
                io.err().println(failed + " of " + records.size() + " runs failed; see the message column of " + dir.resolve("results.csv"));
                return 1;
            }
            return 0;
        }
    }

    private void checkOutputFolder(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("--output " + dir + ": exists and is not a folder");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent() && !resume) {
                throw new UserInputException("--output " + dir + ": the folder is not empty; choose another folder, or add --resume"
                        + " to continue the experiment recorded there");
            }
        } catch (IOException ex) {
            throw new UserInputException("--output " + dir + ": cannot read: " + ex.getMessage(), ex);
        }
    }
}
