package dev.clusterlab.runner.cli;

import dev.clusterlab.api.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code --weights FILE}: one sample weight per line, in input order. */
final class WeightFiles {
    private WeightFiles() {
    }

    static float[] read(Path file, int n) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (lines.size() != n) {
            throw new UserInputException(file + ": expected " + n + " weights (one per data row); found " + lines.size());
        }
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            try {
                w[i] = Float.parseFloat(lines.get(i));
            } catch (NumberFormatException e) {
                w[i] = Float.NaN;
            }
            if (!(w[i] >= 0) || !Float.isFinite(w[i])) {
                throw new UserInputException(file + ": weight " + (i + 1) + ": expected a finite number >= 0; found '" + lines.get(i) + "'");
            }
        }
        return w;
    }
}
