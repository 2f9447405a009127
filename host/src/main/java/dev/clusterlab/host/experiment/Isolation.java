package dev.clusterlab.host.experiment;

import java.util.Locale;
import java.util.Optional;

/** Where an experiment's fits run, as its {@code isolation:} key says. */
public enum Isolation {
    /** In this JVM, on the session's threads. */
    THREAD,
    /** Each fit in a child JVM, which a timeout can kill and whose crash fails only that run. */
    PROCESS,
    /**
     * The default: ClusterLab's own plugins in this JVM, every other plugin's fits in a child JVM (the
     * JDK cannot stop a plugin from calling {@code System.exit}; a child that does fails only its run).
     */
    AUTO;

    /**
     * @param text {@code thread} or {@code process}
     * @return the mode, or empty for anything else
     */
    public static Optional<Isolation> parse(String text) {
        for (Isolation i : values()) {
            if (i.text().equals(text)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** @return the mode as experiment files write it */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
