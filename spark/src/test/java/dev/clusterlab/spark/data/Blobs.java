package dev.clusterlab.spark.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Seeded Gaussian blobs written as a CSV file with a header, and their rows as one array. */
final class Blobs {
    final int n;
    final int d;
    final float[] x;

    Blobs(int n, int d, int centres, long seed) {
        this.n = n;
        this.d = d;
        this.x = new float[n * d];
        SplittableRandom r = new SplittableRandom(seed);
        float[] c = new float[centres * d];
        for (int i = 0; i < c.length; i++) {
            c[i] = (float) (r.nextDouble() * 20 - 10);
        }
        for (int i = 0; i < n; i++) {
            int b = r.nextInt(centres);
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) (c[b * d + j] + gaussian(r) * 1.5);
            }
        }
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** @return rows {@code rows[0..k)} of the data, as starting centres */
    float[] rows(int... rows) {
        float[] out = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(x, rows[i] * d, out, i * d, d);
        }
        return out;
    }

    /** Writes {@code id,f0,...} with a header; floats printed exactly (Float.toString round-trips). */
    Path writeCsv(Path file) throws IOException {
        StringBuilder s = new StringBuilder("id");
        for (int j = 0; j < d; j++) {
            s.append(",f").append(j);
        }
        s.append('\n');
        for (int i = 0; i < n; i++) {
            s.append(i);
            for (int j = 0; j < d; j++) {
                s.append(',').append(x[i * d + j]);
            }
            s.append('\n');
        }
        Files.writeString(file, s);
        return file;
    }

    static Path writeCentres(Path file, float[] c, int d) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < c.length / d; i++) {
            for (int j = 0; j < d; j++) {
                s.append(j == 0 ? "" : ",").append(c[i * d + j]);
            }
            s.append('\n');
        }
        Files.writeString(file, s);
        return file;
    }
}
