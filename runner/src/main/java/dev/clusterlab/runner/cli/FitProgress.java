package dev.clusterlab.runner.cli;

import dev.clusterlab.api.exec.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows a single long fit's progress (what the algorithm reports through the api's listener): on a
 * terminal one bar redrawn in place at most ten times a second, with the stage and an estimate of the time
 * left; elsewhere (logs, CI) a plain line at every tenth of the way or every ten seconds, since {@code \r}
 * redraws make a mess there. {@code --quiet} turns it off. Our own: a bar library would add a dependency
 * for these forty lines, and the experiment's run bar ({@code ProgressReporter}) is drawn the same way.
 */
final class FitProgress implements ProgressListener {
    private static final int BAR = 24;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long LINE_NANOS = 10_000_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long last = Long.MIN_VALUE;
    private double lastTenth = -1;
    private boolean drawn;

    FitProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** @return whether the JVM's console is an interactive terminal */
    static boolean onTerminal() {
        java.io.Console c = System.console();
        return c != null && c.isTerminal();
    }

    @Override
    public synchronized void progress(double fraction, String message) {
        long now = System.nanoTime();
        double f = Double.isNaN(fraction) ? Double.NaN : Math.max(0, Math.min(1, fraction));
        if (terminal) {
            if (now - last < REDRAW_NANOS && !(f >= 1)) {
                return;
            }
            int filled = Double.isNaN(f) ? 0 : (int) (f * BAR);
            out.print("\r\033[K[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] " + percent(f) + "  " + shorten(message) + eta(f, now));
            drawn = true;
        } else {
            double tenth = Double.isNaN(f) ? lastTenth : Math.floor(f * 10);
            if (tenth <= lastTenth && now - last < LINE_NANOS) {
                return;
            }
            lastTenth = Math.max(lastTenth, tenth);
            out.println("progress " + percent(f) + ": " + message + eta(f, now));
        }
        last = now;
        out.flush();
    }

    /** Ends the bar's line, so that what follows starts on a line of its own. */
    synchronized void done() {
        if (drawn) {
            out.print("\r\033[K");
            out.flush();
            drawn = false;
        }
    }

    private static String percent(double f) {
        return Double.isNaN(f) ? "  ?%" : String.format(Locale.ROOT, "%3.0f%%", 100 * f);
    }

    private String eta(double f, long now) {
        double elapsed = (now - start) / 1e9;
        if (Double.isNaN(f) || f < 0.02 || f >= 1 || elapsed < 2) {
            return "";
        }
        return String.format(Locale.ROOT, "  (~%.0f s left)", elapsed / f * (1 - f));
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
