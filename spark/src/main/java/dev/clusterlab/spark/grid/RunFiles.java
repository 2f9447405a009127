package dev.clusterlab.spark.grid;

import java.io.Serializable;
import java.util.Map;

/**
 * Everything one run wrote, as the host's own result writer wrote it in the task's scratch folder:
 * its row of {@code results.csv} (with the header, for a folder that has none yet) and of
 * {@code results.jsonl}, its provenance, and its files (labels, artifacts, model) by path relative to the
 * output folder. The driver copies them into the output folder unchanged.
 *
 * @param runId the run
 * @param csvHeader the header line of {@code results.csv}
 * @param csvRow the run's {@code results.csv} row (newline-terminated)
 * @param jsonRow the run's {@code results.jsonl} line (newline-terminated)
 * @param status the run's status name ({@code OK}, {@code FAILED}, ...)
 * @param provenanceJson the run's entry of {@code provenance.json}'s {@code runs}, as JSON, or {@code null}
 * @param files relative path to content (UTF-8 text: CSV and JSON)
 */
public record RunFiles(String runId, String csvHeader, String csvRow, String jsonRow, String status, String provenanceJson,
                       Map<String, String> files) implements Serializable {
    /** Where a run's model file goes, relative to the output folder. */
    static String modelPath(String runId) {
        return "models/" + runId + ".json";
    }
}
