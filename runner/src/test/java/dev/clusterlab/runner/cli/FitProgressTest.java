package dev.clusterlab.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FitProgressTest {
    @Test
    void outsideATerminalOneLinePerTenthOfTheWay() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FitProgress p = new FitProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        for (int i = 0; i <= 100; i++) {
            p.progress(i / 100.0, "iteration " + i);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out.lines()).hasSize(11).allMatch(l -> l.startsWith("progress "));
        assertThat(out).contains("progress   0%: iteration 0").contains("progress 100%: iteration 100").doesNotContain("\r");
    }

    @Test
    void onATerminalOneBarRedrawnInPlaceAndClearedAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FitProgress p = new FitProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        for (int i = 0; i <= 1000; i++) {
            p.progress(i / 1000.0, "iteration " + i);
        }
        p.done();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).doesNotContain("\n").contains("\r\033[K[").contains("iteration 1000").endsWith("\r\033[K");
        assertThat(out.split("\r\033\\[K\\[", -1).length - 1).as("redraws are throttled").isLessThan(50);
    }
}
