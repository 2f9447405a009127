package dev.clusterlab.host.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.UserInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelFilesTest {
    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        Path f = dir.resolve("labels.csv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void roundTrip() {
        int[] labels = {0, 1, -1, 2, 2, 1000000};
        Path f = dir.resolve("out.csv");
        LabelFiles.write(f, labels);
        assertThat(LabelFiles.read(f, labels.length, -1)).containsExactly(labels);
    }

    @Test
    void writesOneIntegerPerLine() throws IOException {
        Path f = dir.resolve("out.csv");
        LabelFiles.write(f, new int[] {3, -1, 0});
        assertThat(Files.readString(f)).isEqualTo("3\n-1\n0\n");
    }

    @Test
    void writeReplacesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("sub").resolve("out.csv");
        LabelFiles.write(f, new int[] {1, 2, 3});
        LabelFiles.write(f, new int[] {4});
        assertThat(Files.readString(f)).isEqualTo("4\n");
        try (Stream<Path> files = Files.list(f.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out.csv");
        }
    }

    @Test
    void largeFileGrowsTheBuffer() {
        int[] labels = new int[1000];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 7 - 1;
        }
        Path f = dir.resolve("big.csv");
        LabelFiles.write(f, labels);
        assertThat(LabelFiles.read(f, 1000, -1)).containsExactly(labels);
    }

    @Test
    void truthNoiseZeroMapsZeroToMinusOne() throws IOException {
        Path f = write("1\n0\n2\n0\n");
        assertThat(LabelFiles.read(f, 4, 0)).containsExactly(1, -1, 2, -1);
        assertThat(LabelFiles.read(f, 4, -1)).as("without the mapping 0 is a cluster").containsExactly(1, 0, 2, 0);
    }

    @Test
    void bomCrlfBlankLinesAndNoFinalNewline() throws IOException {
        Path f = write("\uFEFF1\r\n\r\n2\r\n-1");
        assertThat(LabelFiles.read(f, 3, -1)).containsExactly(1, 2, -1);
    }

    @Test
    void wrongCountIsAnError() throws IOException {
        Path f = write("1\n2\n3\n");
        assertThatThrownBy(() -> LabelFiles.read(f, 4, -1))
                .isInstanceOf(UserInputException.class)
                .hasMessage(f + ": expected 4 labels (one per data row); found 3");
        assertThatThrownBy(() -> LabelFiles.read(f, 2, -1))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("expected 2 labels")
                .hasMessageContaining("found 3");
    }

    @Test
    void nonIntegerLineIsNamedByItsLineNumber() throws IOException {
        Path f = write("1\n\n2.5\n3\n");
        assertThatThrownBy(() -> LabelFiles.read(f, 3, -1))
                .isInstanceOf(UserInputException.class)
                .hasMessage(f + ":3: expected an integer label; found '2.5'");
        Path g = write("0\nsetosa\n");
        assertThatThrownBy(() -> LabelFiles.read(g, 2, -1))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith(g + ":2: ")
                .hasMessageContaining("'setosa'");
    }

    @Test
    void missingFile() {
        Path f = dir.resolve("nope.csv");
        assertThatThrownBy(() -> LabelFiles.read(f, 1, -1))
                .isInstanceOf(UserInputException.class)
                .hasMessage(f + ": no such file");
    }
}
