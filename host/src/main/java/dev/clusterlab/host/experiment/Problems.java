package dev.clusterlab.host.experiment;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.yaml.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every error found in an experiment file, so that the user sees them all at once, each with
 * its {@code file:line:column}, sorted by position.
 */
public final class Problems {
    private record Problem(Location where, String message) {
    }

    private final List<Problem> problems = new ArrayList<>();

    /**
     * @param where the node or key at fault
     * @param message what was expected and what was found
     */
    public void add(Location where, String message) {
        problems.add(new Problem(where, message));
    }

    /** @return how many problems are recorded so far */
    public int size() {
        return problems.size();
    }

    /** @return whether nothing was reported */
    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** @throws UserInputException listing every problem, if there is any */
    public void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        List<String> lines = problems.stream()
                .sorted(Comparator.comparingInt((Problem p) -> p.where.line()).thenComparingInt(p -> p.where.column()))
                .map(p -> p.where + ": " + p.message)
                .distinct()
                .toList();
        String head = lines.size() == 1 ? "" : lines.size() + " problems in the experiment file:\n";
        throw new UserInputException(head + String.join("\n", lines));
    }
}
