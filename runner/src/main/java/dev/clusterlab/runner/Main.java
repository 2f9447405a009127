package dev.clusterlab.runner;

import dev.clusterlab.host.OutOfMemory;
import dev.clusterlab.runner.cli.CommandLineFactory;
import dev.clusterlab.runner.cli.ExitStatus;

/** Entry point of the {@code clusterlab} command. */
public final class Main {
    private Main() {
    }

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.setProperty("clusterlab.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        ExitStatus.endWithLauncher();
        int code;
        try {
            code = CommandLineFactory.create(System.out, System.err).execute(args);
        } catch (OutOfMemoryError e) { // outside any plugin (a plugin's own is reported as the plugin's)
            System.err.println("error: " + OutOfMemory.message("ClusterLab"));
            code = CommandLineFactory.RUN_FAILED;
        }
        ExitStatus.record(code);
        System.exit(code);
    }
}
