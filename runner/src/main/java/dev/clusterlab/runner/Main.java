package dev.clusterlab.runner;

import dev.clusterlab.runner.cli.CommandLineFactory;

/** Entry point of the {@code clusterlab} command. */
public final class Main {
    private Main() {
    }

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.setProperty("clusterlab.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        System.exit(CommandLineFactory.create(System.out, System.err).execute(args));
    }
}
