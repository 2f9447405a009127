package dev.clusterlab.spark;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.experiment.Catalog;
import dev.clusterlab.host.experiment.Experiment;
import dev.clusterlab.host.experiment.ExperimentParser;
import dev.clusterlab.host.yaml.YamlOverrides;
import dev.clusterlab.host.yaml.YamlReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An experiment file read as the host reads it ({@code ExperimentFiles.load}: overrides, then every
 * check with its line and column), except that its {@link EngineKey engine:} key is taken out first.
 *
 * @param experiment the experiment
 * @param master the file's {@code engine.spark}, or {@code null}
 * @param baseDir the folder relative paths are resolved against
 */
public record ExperimentFile(Experiment experiment, String master, Path baseDir) {
    /**
     * @param file the experiment file
     * @param catalog the loaded plugins
     * @param overrides {@code --set} values
     * @return the experiment and its engine
     */
    public static ExperimentFile load(Path file, Catalog catalog, List<String> overrides) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file + ": no such file");
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Path base = file.toAbsolutePath().getParent();
            String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            EngineKey engine = EngineKey.of(YamlReader.read(file.toString(), r));
            Experiment e = ExperimentParser.parse(YamlOverrides.apply(engine.rest(), overrides), base, stem, catalog);
            return new ExperimentFile(e, engine.master(), base);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UserInputException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
