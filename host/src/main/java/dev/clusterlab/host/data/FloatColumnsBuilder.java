package dev.clusterlab.host.data;

import java.util.Arrays;

/** A growable row-major float buffer: streaming a large CSV never holds its text in memory. */
final class FloatColumnsBuilder {
    private float[] values = new float[1024];
    private int size;

    void add(float v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.max(1024, (int) Math.min(Integer.MAX_VALUE - 8, values.length * 3L / 2)));
        }
        values[size++] = v;
    }

    float[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
