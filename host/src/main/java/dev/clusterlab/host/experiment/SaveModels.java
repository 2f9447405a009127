package dev.clusterlab.host.experiment;

import java.util.Locale;
import java.util.Optional;

/**
 * Which fitted models an experiment saves into {@code models/} of its output folder, ready for
 * {@code clusterlab predict} and {@code assign --model}: each with its fitted preprocessing.
 */
public enum SaveModels {
    /** The first finished run of each dataset's best-ranked configuration (the default). */
    BEST,
    /** Every finished run whose algorithm gives a model. */
    ALL,
    /** None. */
    NONE;

    /**
     * @param text {@code best}, {@code all} or {@code none}
     * @return the mode, or empty for anything else
     */
    public static Optional<SaveModels> parse(String text) {
        for (SaveModels s : values()) {
            if (s.text().equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** @return the mode as experiment files write it */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
