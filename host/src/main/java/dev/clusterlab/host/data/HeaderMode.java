package dev.clusterlab.host.data;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Whether a CSV file's first line is a header: detected, or said. */
public enum HeaderMode {
    /** A first line with any non-empty, non-numeric field is a header (an empty cell is a missing value, not a name). */
    AUTO,
    /** The first line is a header. */
    TRUE,
    /** Every line is data. */
    FALSE;

    /**
     * @param text {@code auto}, {@code true} or {@code false} (any case)
     * @return the mode, or empty for anything else
     */
    public static Optional<HeaderMode> parse(String text) {
        for (HeaderMode m : values()) {
            if (m.text().equalsIgnoreCase(text.strip())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** @return the mode as experiment files write it: {@code auto}, {@code true} or {@code false} */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param first the first line's fields
     * @return whether that line is a header under this mode
     */
    public boolean isHeader(List<String> first) {
        return switch (this) {
            case TRUE -> true;
            case FALSE -> false;
            case AUTO -> first.stream().anyMatch(f -> !f.isBlank() && !NumberSyntax.isNumber(f));
        };
    }
}
