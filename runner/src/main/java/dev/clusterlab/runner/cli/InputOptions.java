package dev.clusterlab.runner.cli;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.host.data.CsvDatasetReader;
import dev.clusterlab.host.data.CsvOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The CSV input of {@code cluster}, {@code assign} and {@code predict} (a picocli mixin). */
public final class InputOptions {
    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE.csv", description = "Numeric CSV; header detected.")
    Path input;

    @Option(names = "--columns", paramLabel = "COLS", split = ",",
            description = "Feature columns by header name or 0-based position (default: all but --exclude).")
    List<String> columns = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "COLS", split = ",", description = "Columns to leave out (ids, text columns).")
    List<String> exclude = new ArrayList<>();

    /** @return the dataset the input holds */
    Dataset read() {
        return CsvDatasetReader.read(input, input.getFileName().toString(),
                new CsvOptions(List.copyOf(columns), List.copyOf(exclude), null, "auto"));
    }
}
