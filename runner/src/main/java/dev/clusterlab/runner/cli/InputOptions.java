package dev.clusterlab.runner.cli;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.host.data.CsvDatasetReader;
import dev.clusterlab.host.data.CsvOptions;
import dev.clusterlab.host.data.HeaderMode;
import dev.clusterlab.host.pipeline.Model;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The CSV input of {@code cluster}, {@code assign} and {@code predict} (a picocli mixin). */
public final class InputOptions {
    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE.csv", description = "CSV; header detected; a column whose first value is text is categorical.")
    Path input;

    @Option(names = "--columns", paramLabel = "COLS", split = ",",
            description = "Feature columns by header name or 0-based position (default: all but --exclude).")
    List<String> columns = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "COLS", split = ",", description = "Columns to leave out (ids, text columns).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--categorical", paramLabel = "COLS", split = ",",
            description = "Columns read as categorical although their first value is a number (codes, zip codes).")
    List<String> categorical = new ArrayList<>();

    /** @return the dataset the input holds (no empty cells allowed) */
    Dataset read() {
        return read(false);
    }

    /**
     * @param allowMissing whether empty cells are read as missing values (a preprocessing step imputes them)
     * @return the dataset the input holds
     */
    Dataset read(boolean allowMissing) {
        return CsvDatasetReader.read(input, input.getFileName().toString(), options(allowMissing));
    }

    /**
     * @param model a saved model, whose feature names choose the columns unless --columns or --exclude are
     *     given; empty cells are allowed when it has preprocessing (which says if any are left)
     * @return the dataset the input holds
     */
    Dataset read(Model model) {
        return CsvDatasetReader.read(input, input.getFileName().toString(),
                options(!model.steps().isEmpty()).withModel(model.featureNames(), model.levels()));
    }

    private CsvOptions options(boolean allowMissing) {
        return new CsvOptions(List.copyOf(columns), List.copyOf(exclude), null, HeaderMode.AUTO, null, allowMissing)
                .withCategorical(List.copyOf(categorical));
    }
}
