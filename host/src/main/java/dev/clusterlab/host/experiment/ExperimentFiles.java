package dev.clusterlab.host.experiment;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.yaml.YamlNode;
import dev.clusterlab.host.yaml.YamlOverrides;
import dev.clusterlab.host.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads an experiment from a file, or the embedded quickstart when no file is given. */
public final class ExperimentFiles {
    /** The embedded experiment that runs without a file. */
    public static final String QUICKSTART = "quickstart.yaml";

    private ExperimentFiles() {
    }

    /**
     * @param file an experiment file, or {@code null} for the embedded quickstart
     * @param catalog the loaded plugins the file is checked against
     * @return the experiment
     * @throws UserInputException listing every mistake with its file, line and column
     */
    public static Experiment load(Path file, Catalog catalog) {
        return load(file, catalog, java.util.List.of());
    }

    /**
     * @param file an experiment file, or {@code null} for the embedded quickstart
     * @param catalog the loaded plugins the file is checked against
     * @param overrides {@code path=value} settings applied before checking (as {@code --set})
     * @return the experiment
     * @throws UserInputException listing every mistake with its file, line and column
     */
    public static Experiment load(Path file, Catalog catalog, java.util.List<String> overrides) {
        if (file == null) {
            try (InputStream in = ExperimentFiles.class.getResourceAsStream("/dev/clusterlab/host/" + QUICKSTART);
                 Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                YamlNode tree = YamlOverrides.apply(YamlReader.read("(embedded) " + QUICKSTART, r), overrides);
                return ExperimentParser.parse(tree, Path.of("."), "quickstart", catalog);
            } catch (IOException e) {
                throw new IllegalStateException("the embedded quickstart experiment is missing from the runner jar", e);
            }
        }
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file + (Files.isDirectory(file) ? ": is a folder; expected an experiment file (YAML)" : ": no such file"));
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Path base = file.toAbsolutePath().getParent();
            String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            YamlNode tree = YamlOverrides.apply(YamlReader.read(file.toString(), r), overrides);
            return ExperimentParser.parse(tree, base, stem, catalog);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UserInputException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Preprocessing steps from a YAML file (PyCaret's {@code setup} kept in a file): either a mapping with
     * a {@code preprocessing:} list, as in an experiment, or that list alone.
     *
     * @param file the file
     * @param catalog the loaded plugins the steps are checked against
     * @return the steps, in order
     * @throws UserInputException listing every mistake with its file, line and column
     * @since 0.2
     */
    public static java.util.List<dev.clusterlab.host.pipeline.StepSpec> loadSteps(Path file, Catalog catalog) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file + (Files.isDirectory(file) ? ": is a folder; expected an experiment file (YAML)" : ": no such file"));
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            YamlNode tree = YamlReader.read(file.toString(), r);
            Problems problems = new Problems();
            YamlNode list = tree;
            if (tree instanceof YamlNode.Mapping m) {
                list = m.entries().get("preprocessing");
                for (String key : m.entries().keySet()) {
                    if (!key.equals("preprocessing")) {
                        problems.add(m.keyLocations().getOrDefault(key, m.location()), "unknown key '" + key
                                + "' in a setup file; expected only 'preprocessing' (a list of steps)");
                    }
                }
                if (list == null) {
                    problems.add(m.location(), "a setup file needs 'preprocessing': a list of steps");
                    problems.throwIfAny();
                }
            }
            java.util.List<dev.clusterlab.host.pipeline.StepSpec> steps = StepsParser.parse(list, catalog, problems);
            problems.throwIfAny();
            return steps;
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UserInputException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
