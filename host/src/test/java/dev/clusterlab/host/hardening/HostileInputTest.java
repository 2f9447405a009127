package dev.clusterlab.host.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.Printable;
import dev.clusterlab.host.data.CsvDatasetReader;
import dev.clusterlab.host.data.CsvOptions;
import dev.clusterlab.host.output.AtomicFiles;
import dev.clusterlab.host.output.OutputLock;
import dev.clusterlab.host.yaml.YamlReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Control characters, huge cells and scalars, folders for files, a shared output folder, file modes. */
class HostileInputTest {
    @TempDir
    Path dir;

    private Path csv(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0007", "\u001b[2J", "\u007f", "\u0085"})
    void aControlCharacterNextToDigitsIsRefusedWithItsPositionAndShownEscaped(String control) throws IOException {
        Path f = csv("c.csv", "a,b\n1,2\n3" + control + ",4\n5,6\n");
        assertThatThrownBy(() -> CsvDatasetReader.read(f, "c", CsvOptions.DEFAULT))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("c.csv:3:1: control character \\x")
                .hasMessageContaining("at character 2 of the cell '3\\x")
                .satisfies(e -> assertThat(e.getMessage().chars().noneMatch(ch -> Printable.isControl((char) ch))).isTrue());
    }

    @Test
    void aControlCharacterInTheHeaderIsRefusedToo() throws IOException {
        Path f = csv("h.csv", "a\u001b]0;pwned\u0007,b\n1,2\n");
        assertThatThrownBy(() -> CsvDatasetReader.read(f, "h", CsvOptions.DEFAULT)).hasMessageContaining("h.csv:1:1: control character \\x1B");
    }

    @Test
    void tabsAndSpacesAroundNumbersArePaddingStill() throws IOException {
        Dataset d = CsvDatasetReader.read(csv("t.csv", "a,b\n 1\t,\t2 \n3,4\n"), "t", CsvOptions.DEFAULT);
        assertThat(d.row(0)).containsExactly(1f, 2f);
    }

    @Test
    void aTenMegabyteCellIsQuotedShortInTheError() throws IOException {
        Path f = csv("big.csv", "a,b\n1,2\n3," + "x".repeat(10_000_000) + "\n");
        assertThatThrownBy(() -> CsvDatasetReader.read(f, "big", CsvOptions.DEFAULT))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("(10000000 characters)")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(1000));
    }

    @Test
    void columnPositionsWorkWithAHeaderAsOnTheCommandLine() throws IOException {
        Path f = csv("p.csv", "a,b,c,id\n1,2,3,x\n4,5,6,y\n7,8,9,z\n");
        Dataset byPosition = CsvDatasetReader.read(f, "p", new CsvOptions(List.of("0", "2"), List.of(), null,
                dev.clusterlab.host.data.HeaderMode.AUTO));
        assertThat(byPosition.featureNames()).containsExactly("a", "c");
        Dataset excluded = CsvDatasetReader.read(f, "p", new CsvOptions(List.of(), List.of("3"), null, dev.clusterlab.host.data.HeaderMode.AUTO));
        assertThat(excluded.featureNames()).containsExactly("a", "b", "c");
    }

    @Test
    void aFolderNamedAsACsvFileIsSaidToBeAFolder() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("data.csv"));
        assertThatThrownBy(() -> CsvDatasetReader.read(folder, "f", CsvOptions.DEFAULT)).hasMessageEndingWith("is a folder; expected a CSV file");
    }

    @Test
    void aLongYamlScalarIsRefusedBeforeTheParserReadsIt() {
        String yaml = "name: x\nnote: " + "a".repeat(YamlReader.DEFAULT_MAX_CHARS + 10) + "\n";
        assertThatThrownBy(() -> YamlReader.read("exp.yaml", new StringReader(yaml)))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("exp.yaml: longer than 1048576 characters")
                .hasMessageContaining("-Dclusterlab.yaml.max-chars");
    }

    @Test
    void aSecondRunIntoALockedOutputFolderIsRefusedNamingTheHolder() {
        try (OutputLock first = OutputLock.take(dir.resolve("out"))) {
            assertThatThrownBy(() -> OutputLock.take(dir.resolve("out")))
                    .isInstanceOf(UserInputException.class)
                    .hasMessageContaining("another clusterlab run is writing there (process " + ProcessHandle.current().pid());
        }
        OutputLock.take(dir.resolve("out")).close(); // released: the next run takes it
    }

    @Test
    void resultFilesGetTheSamePermissionsAsAnyNewFile() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path written = dir.resolve("written.txt");
        AtomicFiles.write(written, "x\n");
        Path appended = dir.resolve("appended.txt");
        AtomicFiles.append(appended, "x\n");
        String expected = PosixFilePermissions.toString(Files.getPosixFilePermissions(plain));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo(expected);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(appended))).isEqualTo(expected);
    }

    @Test
    void printableEscapesAndShortens() {
        assertThat(Printable.value("a\u001bb")).isEqualTo("a\\x1Bb");
        assertThat(Printable.value("y".repeat(100))).isEqualTo("y".repeat(60) + "... (100 characters)");
        assertThat(Printable.message("line one\nline\u0007two")).isEqualTo("line one\nline\\x07two");
    }
}
