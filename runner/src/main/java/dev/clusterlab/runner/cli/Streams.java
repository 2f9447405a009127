package dev.clusterlab.runner.cli;

import java.io.PrintStream;

/**
 * Where a command writes: results to {@code out}, progress and errors to {@code err}, so that
 * {@code clusterlab ... > file} captures only results.
 *
 * @param out results
 * @param err progress, warnings and errors
 */
record Streams(PrintStream out, PrintStream err) {
}
