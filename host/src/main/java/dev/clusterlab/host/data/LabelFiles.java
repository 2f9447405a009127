package dev.clusterlab.host.data;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.output.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Label files: one integer per line, in input order, {@code -1} for noise. Suites that mark noise
 * with another label (0 in Gagolewski's benchmark suite) are read with {@code noiseLabel}.
 */
public final class LabelFiles {
    private LabelFiles() {
    }

    /**
     * @param file the label file
     * @param expected how many labels there must be (the dataset's rows)
     * @param noiseLabel the label that means noise in this file (turned into -1), or -1
     * @return the labels
     * @throws UserInputException naming file and line for a bad label or a wrong count
     */
    public static int[] read(Path file, int expected, int noiseLabel) {
        int[] labels = new int[Math.max(16, expected)];
        int count = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String t = line.strip();
                if (lineNo == 1 && t.startsWith("\uFEFF")) {
                    t = t.substring(1);
                }
                if (t.isEmpty()) {
                    continue;
                }
                if (!t.matches("-?\\d{1,9}")) {
                    throw new UserInputException(file + ":" + lineNo + ": expected an integer label; found '" + t + "'");
                }
                int v = Integer.parseInt(t);
                if (count == labels.length) {
                    labels = Arrays.copyOf(labels, labels.length * 2);
                }
                labels[count++] = v == noiseLabel ? -1 : v;
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserInputException(file + ": no such file", e);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (count != expected) {
            throw new UserInputException(file + ": expected " + expected + " labels (one per data row); found " + count);
        }
        return Arrays.copyOf(labels, count);
    }

    /**
     * Writes labels atomically: readers see the old file or the complete new one.
     *
     * @param file where
     * @param labels the labels
     */
    public static void write(Path file, int[] labels) {
        StringBuilder s = new StringBuilder(labels.length * 3);
        for (int l : labels) {
            s.append(l).append('\n');
        }
        AtomicFiles.write(file, s.toString());
    }
}
