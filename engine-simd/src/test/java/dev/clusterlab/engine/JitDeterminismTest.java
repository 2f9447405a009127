package dev.clusterlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.kernel.Kernels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The vector kernels must give the same bits whether the JVM interprets them or C2 has compiled them:
 * otherwise a k-means run's result depends on JIT timing. {@code FloatVector.reduceLanes(ADD)} does not
 * (its order is unspecified: sequential in the interpreter, a tree in C2 on JDK 25), which is why the
 * kernels reduce with a fixed butterfly. Two child JVMs run {@link Probe}: one with {@code -Xint}, one with
 * C2 only and synchronous compilation after a warm-up; their outputs must be identical.
 */
class JitDeterminismTest {

    /** Prints the bits of a fixed set of kernel results, one per line; with "warm", warms up first. */
    public static final class Probe {
        public static void main(String[] args) {
            boolean warm = args.length > 0 && args[0].equals("warm");
            if (warm) {
                for (int rep = 0; rep < 30; rep++) {
                    run(new StringBuilder());
                }
            }
            StringBuilder out = new StringBuilder();
            run(out);
            System.out.print(out);
        }

        static void run(StringBuilder out) {
            Kernels k = new VectorKernels();
            SplittableRandom rnd = new SplittableRandom(5);
            int[] dims = {7, 16, 17, 31, 33, 100, 207};
            for (int d : dims) {
                for (int rep = 0; rep < 40; rep++) {
                    float[] a = new float[d];
                    float[] b = new float[d];
                    for (int j = 0; j < d; j++) {
                        a[j] = (float) (Math.pow(10, rnd.nextDouble(-3, 3)) * (rnd.nextBoolean() ? 1 : -1));
                        b[j] = (float) (Math.pow(10, rnd.nextDouble(-3, 3)) * (rnd.nextBoolean() ? 1 : -1));
                    }
                    out.append(Float.floatToRawIntBits(k.dot(a, 0, b, 0, d))).append(' ')
                            .append(Float.floatToRawIntBits(k.squaredEuclidean(a, 0, b, 0, d))).append(' ')
                            .append(Float.floatToRawIntBits(k.cosineDistance(a, 0, b, 0, d))).append('\n');
                }
                int n = 41;
                int kk = 9;
                float[] points = new float[n * d];
                float[] centroids = new float[kk * d];
                for (int i = 0; i < points.length; i++) {
                    points[i] = (float) rnd.nextDouble(-1, 1);
                }
                for (int i = 0; i < centroids.length; i++) {
                    centroids[i] = (float) rnd.nextDouble(-1, 1);
                }
                int[] labels = new int[n];
                float[] dist = new float[n];
                k.centroidAssigner(centroids, kk, d).assign(points, 0, n, labels, dist);
                for (int i = 0; i < n; i++) {
                    out.append(labels[i]).append(':').append(Float.floatToRawIntBits(dist[i])).append('\n');
                }
            }
        }
    }

    private static String runChild(String... jvmFlags) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.add("--add-modules");
        cmd.add("jdk.incubator.vector");
        cmd.addAll(List.of(jvmFlags));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Probe.class.getName());
        if (!List.of(jvmFlags).contains("-Xint")) {
            cmd.add("warm");
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("probe exit code, command %s", cmd).isZero();
        return out;
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void interpretedAndCompiledKernelsGiveTheSameBits() throws Exception {
        String interpreted = runChild("-Xint");
        String compiled = runChild("-XX:-TieredCompilation", "-Xbatch", "-XX:CompileThreshold=1000");
        assertThat(interpreted.lines().count()).isGreaterThan(500);
        List<String> a = interpreted.lines().toList();
        List<String> b = compiled.lines().toList();
        int differ = 0;
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                differ++;
            }
        }
        assertThat(differ).as("lines whose bits differ between -Xint and C2, of %d", a.size()).isZero();
    }
}
