package dev.clusterlab.host.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.yaml.YamlReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** Parsing an experiment text named {@code exp.yaml} against the {@link FakeCatalog}, for the parser tests. */
abstract class ParserTestBase {
    static final Catalog CATALOG = new FakeCatalog();

    @TempDir
    Path base;

    Experiment parse(String yaml) {
        return ExperimentParser.parse(YamlReader.read("exp.yaml", new StringReader(yaml)), base, "exp", CATALOG, false);
    }

    /** The problem lines of the error, without the "N problems" head line. */
    List<String> problems(String yaml) {
        return message(yaml).lines().filter(l -> !l.matches("\\d+ problems in the experiment file:")).toList();
    }

    String message(String yaml) {
        UserInputException e = catchThrowableOfType(UserInputException.class, () -> parse(yaml));
        assertThat(e).as("expected the experiment to be rejected").isNotNull();
        return e.getMessage();
    }
}
