import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.incubator.vector.FloatVector;

/**
 * Turns the JMH CSV files of the kernel suite into one table: ops/s, GFLOP/s, % of the FMA peak
 * measured by {@code FmaPeakProbe} in the same run, and the vector/scalar ratio.
 *
 * <p>Run as a single-file program on JDK 25 (run-kernels.sh does it):
 * {@code java --add-modules jdk.incubator.vector KernelReport.java result1.csv [result2.csv ...]}.
 * The lane count, needed to turn the probe's vector FMAs per second into flops, is read from this JVM,
 * which runs on the same machine and JDK as the benchmark forks.
 *
 * <p>Flops per operation: dot {@code 2 rows dim}; squared Euclidean {@code 3 rows dim} (subtract, multiply,
 * add); assignment {@code 2 n k d}; probe {@code 2 lanes} (one vector FMA).
 */
public final class KernelReport {
    private static final String PACKAGE = "dev.clusterlab.benchmarks.";

    /** One primary result row of a JMH CSV. */
    record Row(String benchmark, Map<String, String> params, double score, double error) {
        String param(String name) {
            return params.getOrDefault(name, "");
        }

        /** Everything but the implementation: scalar and vector rows with the same key are compared. */
        String key() {
            Map<String, String> p = new LinkedHashMap<>(params);
            p.remove("impl");
            return benchmark + p;
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: java --add-modules jdk.incubator.vector KernelReport.java result.csv...");
            System.exit(2);
        }
        int lanes = FloatVector.SPECIES_PREFERRED.length();
        List<Row> rows = new ArrayList<>();
        Map<String, Double> bytesPerOp = new HashMap<>();
        for (String file : args) {
            read(Path.of(file), rows, bytesPerOp);
        }
        List<Double> probes = new ArrayList<>();
        for (Row r : rows) {
            if (r.benchmark.equals("FmaPeakProbe.fma16")) {
                probes.add(r.score * 2 * lanes / 1e9);
            }
        }
        double peak = probes.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        Map<String, Double> oneThread = new HashMap<>();
        for (Row r : rows) {
            oneThread.put(r.benchmark + r.params, r.score);
        }
        Map<String, Double> scalarScore = new HashMap<>();
        for (Row r : rows) {
            if (r.param("impl").equals("scalar")) {
                scalarScore.put(r.key(), r.score);
            }
        }

        String format = "%-46s %-6s %5s %-30s %13s %8s %8s %7s %8s %10s %16s%n";
        System.out.printf(Locale.ROOT, format, "benchmark", "impl", "dim", "other params", "ops/s", "+-99.9%", "GFLOP/s", "% peak",
                "vec/sca", "B/op", "per item");
        for (Row r : rows) {
            double flops = flopsPerOp(r, lanes);
            double gflops = flops * r.score / 1e9;
            Double scalar = scalarScore.get(r.key());
            String ratio = r.param("impl").equals("vector") && scalar != null
                    ? String.format(Locale.ROOT, "%.2fx", r.score / scalar) : "";
            if (!r.param("threads").isEmpty() && !r.param("threads").equals("1")) {
                // thread scaling instead: this row over the same benchmark and sizes on one thread
                Map<String, String> one = new LinkedHashMap<>(r.params);
                one.put("threads", "1");
                Double single = oneThread.get(r.benchmark + one);
                ratio = single == null ? "" : String.format(Locale.ROOT, "%.2fx/1t", r.score / single);
            }
            Double bytes = bytesPerOp.get(r.benchmark + r.params);
            String dim = !r.param("dim").isEmpty() ? r.param("dim") : r.param("d");
            String impl = r.param("impl").isEmpty() ? "vector" : r.param("impl");
            Map<String, String> other = new LinkedHashMap<>(r.params);
            other.keySet().removeAll(List.of("impl", "dim", "d", "n", "rows", "queries"));
            String others = other.isEmpty() ? "" : other.toString().replace(" ", "");
            System.out.printf(Locale.ROOT, format, r.benchmark, impl, dim.isEmpty() ? "-" : dim, others,
                    String.format(Locale.ROOT, "%.1f", r.score), String.format(Locale.ROOT, "%.1f%%", 100 * r.error / r.score),
                    Double.isNaN(gflops) ? "" : String.format(Locale.ROOT, "%.2f", gflops),
                    Double.isNaN(gflops) ? "" : String.format(Locale.ROOT, "%.1f", 100 * gflops / peak), ratio,
                    bytes == null ? "" : String.format(Locale.ROOT, "%.1f", bytes), perItem(r));
        }
        System.out.printf(Locale.ROOT, "%nFMA peak = max of %d probe run(s) %s GFLOP/s (%d float lanes, 16 independent"
                + " FMA chains, 1 thread)%n", probes.size(), fmt(probes), lanes);
        System.out.println("Distance kernels: one op = one query against `rows` rows; pairwise: one op = a rows x rows"
                + " block; assignment: one op = one pass over n points (k centroids), GFLOP/s = 2 n k d ops/s / 1e9;"
                + " neighbour index: one op = `queries` queries. vec/sca compares rows with equal parameters.");
    }

    private static String fmt(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList().toString();
    }

    private static double flopsPerOp(Row r, int lanes) {
        String method = r.benchmark.substring(r.benchmark.indexOf('.') + 1);
        return switch (r.benchmark.substring(0, r.benchmark.indexOf('.'))) {
            case "FmaPeakProbe" -> 2.0 * lanes;
            case "AssignmentBenchmark" -> 2.0 * num(r, "n") * num(r, "k") * num(r, "d");
            case "DistanceKernelBenchmark" -> (method.equals("dot") ? 2.0 : 3.0) * num(r, "rows") * num(r, "dim");
            case "DistanceKindsBenchmark" -> (r.param("kind").equals("cosine") ? 6.0 : 3.0) * num(r, "rows") * num(r, "dim");
            case "PairwiseBenchmark" -> (r.param("distance").equals("inner_product") ? 2.0 : 3.0) * num(r, "rows") * num(r, "rows")
                    * num(r, "dim");
            default -> Double.NaN;
        };
    }

    /** Time per natural item: ns per pair (pairwise), us per query (neighbour index), ms per pass (assignment). */
    private static String perItem(Row r) {
        String cls = r.benchmark.substring(0, r.benchmark.indexOf('.'));
        return switch (cls) {
            case "PairwiseBenchmark" -> String.format(Locale.ROOT, "%.1f ns/pair", 1e9 / (r.score * num(r, "rows") * num(r, "rows")));
            case "NeighborIndexBenchmark" -> String.format(Locale.ROOT, "%.2f us/query", 1e6 / (r.score * num(r, "queries")));
            case "AssignmentBenchmark" -> String.format(Locale.ROOT, "%.2f ms/pass", 1e3 / r.score);
            default -> "";
        };
    }

    private static double num(Row r, String param) {
        return Double.parseDouble(r.param(param));
    }

    private static void read(Path file, List<Row> rows, Map<String, Double> bytesPerOp) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty()) {
            return;
        }
        List<String> header = split(lines.get(0));
        int bench = header.indexOf("Benchmark");
        int score = header.indexOf("Score");
        int error = header.indexOf("Score Error (99.9%)");
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> f = split(line);
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).startsWith("Param: ") && i < f.size() && !f.get(i).isEmpty()) {
                    params.put(header.get(i).substring("Param: ".length()), f.get(i));
                }
            }
            String name = f.get(bench).startsWith(PACKAGE) ? f.get(bench).substring(PACKAGE.length()) : f.get(bench);
            double s = number(f.get(score));
            if (name.endsWith(":gc.alloc.rate.norm")) {
                bytesPerOp.put(name.substring(0, name.indexOf(':')) + params, s);
            } else if (!name.contains(":")) {
                rows.add(new Row(name, params, s, number(f.get(error))));
            }
        }
    }

    private static double number(String s) {
        String t = s.trim();
        return t.isEmpty() || t.equals("NaN") ? Double.NaN : Double.parseDouble(t.replace(',', '.'));
    }

    /** Splits one CSV line; fields may be quoted, with "" for a quote inside. */
    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
