package dev.clusterlab.host.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a failed child JVM said becomes one line for results.csv: never a stack trace. */
class ChildErrorTest {
    @Test
    void theCommandsOwnErrorLineIsKept() {
        assertThat(ChildProcessFit.childError("faulty", 1, "WARNING: Using incubator modules: jdk.incubator.vector\n"
                + "error: plugin faulty threw IllegalStateException: boom\n")).isEqualTo("plugin faulty threw IllegalStateException: boom");
    }

    @Test
    void aStackTraceIsCutToItsFirstLineAndNamesThePlugin() {
        String trace = "Exception in thread \"main\" java.lang.IllegalStateException: boom\n\tat a.B.c(B.java:1)\n\tat a.B.main(B.java:2)\n";
        String line = ChildProcessFit.childError("faulty", 1, trace);
        assertThat(line).isEqualTo("plugin faulty's child JVM exited with code 1: Exception in thread \"main\" java.lang.IllegalStateException: boom");
        assertThat(line).doesNotContain("\tat ", "\n");
    }

    @Test
    void silenceIsSaid() {
        assertThat(ChildProcessFit.childError("x", 137, "")).isEqualTo("plugin x's child JVM exited with code 137 and printed nothing");
    }
}
