package dev.clusterlab.host.output;

/** How a run ended, as the {@code status} column of the result files writes it ({@link #name()}). */
public enum RunStatus {
    /** It completed. */
    OK,
    /** Its plugin threw, its data did not fit, or its child JVM failed. */
    FAILED,
    /** It did not finish within the experiment's timeout. */
    TIMEOUT,
    /** It was stopped while running (Ctrl-C); {@code --resume} runs it again. */
    CANCELLED
}
