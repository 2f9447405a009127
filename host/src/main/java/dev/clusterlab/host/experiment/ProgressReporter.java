package dev.clusterlab.host.experiment;

import dev.clusterlab.host.output.RunRecord;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows how an experiment is going: runs done, running, failed and an estimate of the time left. On a
 * terminal one status line is redrawn in place (a progress bar) and only failures scroll; elsewhere
 * (CI logs, files) every finished run prints one plain line, since {@code \r} redraws make a mess there.
 */
final class ProgressReporter {
    private static final int BAR = 24;

    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private final long start = System.nanoTime();
    private int done;
    private int running;
    private int failed;

    ProgressReporter(PrintStream out, int total, boolean terminal) {
        this.out = out;
        this.total = total;
        this.terminal = terminal;
    }

    /** @return whether the JVM's console is an interactive terminal */
    static boolean onTerminal() {
        java.io.Console c = System.console();
        return c != null && c.isTerminal();
    }

    synchronized void started() {
        running++;
        if (terminal) {
            redraw();
        }
    }

    synchronized void finished(PlannedRun run, RunRecord rec) {
        running--;
        done++;
        boolean ok = rec.ok();
        if (!ok) {
            failed++;
        }
        String line = String.format(Locale.ROOT, "[%d/%d] %s  %s %s  seed %d  %s%s", done, total, run.dataset(), run.algorithm().label(),
                run.paramsText(), run.seed(), rec.status(),
                ok ? String.format(Locale.ROOT, "  %.3f s", rec.seconds()) : ": " + rec.message());
        if (terminal) {
            if (!ok) {
                out.print("\r\033[K" + line + "\n");
            }
            redraw();
            if (done == total) {
                out.print("\n");
            }
        } else {
            out.println(line + counts());
        }
        out.flush();
    }

    private void redraw() {
        int filled = total == 0 ? BAR : done * BAR / total;
        out.print("\r\033[K[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] " + done + "/" + total + counts());
        out.flush();
    }

    private String counts() {
        double elapsed = (System.nanoTime() - start) / 1e9;
        String eta = done == 0 || done == total ? "" : String.format(Locale.ROOT, ", ~%.0f s left", elapsed / done * (total - done));
        return String.format(Locale.ROOT, "  (running %d, failed %d%s)", running, failed, eta);
    }
}
