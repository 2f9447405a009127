package dev.clusterlab.host.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private String[] names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void writeCreatesFoldersAndReplacesContentLeavingNoTemporaryFile() throws IOException {
        Path f = dir.resolve("a/b/file.txt");
        AtomicFiles.write(f, "first é\n");
        assertThat(Files.readString(f)).isEqualTo("first é\n");
        AtomicFiles.write(f, "second\n");
        assertThat(Files.readString(f)).isEqualTo("second\n");
        assertThat(names(f.getParent())).containsExactly("file.txt");
    }

    @Test
    void appendAddsCompleteLines() throws IOException {
        Path f = dir.resolve("log.jsonl");
        AtomicFiles.append(f, "one\n");
        AtomicFiles.append(f, "two\nthree\n");
        assertThat(Files.readAllLines(f)).containsExactly("one", "two", "three");
        assertThat(names(dir)).containsExactly("log.jsonl");
    }

    @Test
    void writeIntoAFileInsteadOfAFolderIsAUserError() throws IOException {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "x");
        assertThatThrownBy(() -> AtomicFiles.write(blocker.resolve("f.txt"), "y"))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("cannot write");
    }
}
