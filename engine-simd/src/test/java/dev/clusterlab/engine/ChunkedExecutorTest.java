package dev.clusterlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.exec.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Determinism and failure behaviour of {@link ChunkedExecutor}, with 1, 2 and 7 threads. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChunkedExecutorTest {
    static final int[] THREADS = {1, 2, 7};

    record Chunk(int index, int from, int to) {
    }

    /** Unequal, index-dependent work so that chunks finish out of order on several threads. */
    static void jitter(int chunk) {
        LockSupport.parkNanos(((chunk * 7919L) % 5) * 200_000L);
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2, 7})
    void mapChunksReturnsResultsInChunkOrder(int threads) {
        try (ChunkedExecutor exec = new ChunkedExecutor(threads)) {
            assertThat(exec.threads()).isEqualTo(threads);
            for (int[] nc : new int[][] {{1, 1}, {10, 3}, {100, 7}, {1000, 1000}, {1001, 1000}, {5, 10}}) {
                int n = nc[0];
                int chunkSize = nc[1];
                List<Chunk> chunks = exec.mapChunks(n, chunkSize, (c, from, to) -> {
                    jitter(c);
                    return new Chunk(c, from, to);
                });
                assertThat(chunks).hasSize(Parallel.chunkCount(n, chunkSize));
                int expectedFrom = 0;
                for (int c = 0; c < chunks.size(); c++) {
                    Chunk chunk = chunks.get(c);
                    assertThat(chunk.index()).isEqualTo(c);
                    assertThat(chunk.from()).isEqualTo(expectedFrom).isEqualTo(c * chunkSize);
                    assertThat(chunk.to()).isEqualTo(Math.min(n, (c + 1) * chunkSize)).isGreaterThan(chunk.from());
                    expectedFrom = chunk.to();
                }
                assertThat(expectedFrom).as("chunks cover [0, n)").isEqualTo(n);
            }
        }
    }

    @Test
    void chunkBoundariesDoNotDependOnThreadCount() {
        List<List<Chunk>> perThreadCount = new ArrayList<>();
        for (int threads : THREADS) {
            try (ChunkedExecutor exec = new ChunkedExecutor(threads)) {
                perThreadCount.add(exec.mapChunks(12_345, 256, (c, from, to) -> {
                    jitter(c);
                    return new Chunk(c, from, to);
                }));
            }
        }
        assertThat(perThreadCount.get(1)).isEqualTo(perThreadCount.get(0));
        assertThat(perThreadCount.get(2)).isEqualTo(perThreadCount.get(0));
    }

    /**
     * Partial double sums per chunk, combined in list order, must have the same bits for any thread
     * count. Values span many magnitudes so that a different summation order would change the bits.
     */
    @Test
    void partialSumsCombinedInListOrderGiveIdenticalBits() {
        SplittableRandom rnd = new SplittableRandom(42);
        double[] values = new double[100_003];
        for (int i = 0; i < values.length; i++) {
            values[i] = (rnd.nextBoolean() ? 1 : -1) * Math.pow(10, rnd.nextDouble(-8, 8));
        }
        long[] bits = new long[THREADS.length];
        for (int t = 0; t < THREADS.length; t++) {
            try (ChunkedExecutor exec = new ChunkedExecutor(THREADS[t])) {
                List<Double> partials = exec.mapChunks(values.length, 997, (c, from, to) -> {
                    double s = 0;
                    for (int i = from; i < to; i++) {
                        s += values[i];
                    }
                    return s;
                });
                double total = 0;
                for (double p : partials) {
                    total += p;
                }
                bits[t] = Double.doubleToRawLongBits(total);
            }
        }
        assertThat(bits[1]).isEqualTo(bits[0]);
        assertThat(bits[2]).isEqualTo(bits[0]);
        double sequential = 0;
        for (double v : values) {
            sequential += v;
        }
        assertThat(Double.doubleToRawLongBits(sequential)).as("the data are order-sensitive, so the check means something")
                .isNotEqualTo(bits[0]);
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2, 7})
    void exceptionInAChunkIsRethrown(int threads) {
        try (ChunkedExecutor exec = new ChunkedExecutor(threads)) {
            IllegalStateException boom = new IllegalStateException("boom in chunk 3");
            assertThatThrownBy(() -> exec.mapChunks(100, 10, (c, from, to) -> {
                if (c == 3) {
                    throw boom;
                }
                return c;
            })).isSameAs(boom);
            assertThatThrownBy(() -> exec.forEachChunk(100, 10, (c, from, to) -> {
                if (c == 9) {
                    throw new AssertionError("error in chunk 9");
                }
            })).isInstanceOf(AssertionError.class).hasMessage("error in chunk 9");
            // The executor stays usable after a failure.
            assertThat(exec.mapChunks(4, 1, (c, from, to) -> c)).containsExactly(0, 1, 2, 3);
        }
    }

    /** Two failing chunks: the one with the smaller index wins, however the threads interleave. */
    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2, 7})
    void firstFailureByChunkOrderIsRethrown(int threads) {
        try (ChunkedExecutor exec = new ChunkedExecutor(threads)) {
            for (int round = 0; round < 20; round++) {
                assertThatThrownBy(() -> exec.mapChunks(50, 5, (c, from, to) -> {
                    if (c == 2) {
                        LockSupport.parkNanos(2_000_000L); // chunk 5 usually fails first
                        throw new IllegalArgumentException("chunk 2");
                    }
                    if (c == 5) {
                        throw new IllegalArgumentException("chunk 5");
                    }
                    return c;
                })).hasMessage("chunk 2");
            }
        }
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2, 7})
    void checkedExceptionThrownSneakilyIsNotSwallowed(int threads) {
        try (ChunkedExecutor exec = new ChunkedExecutor(threads)) {
            Exception checked = new java.io.IOException("disk gone");
            assertThatThrownBy(() -> exec.mapChunks(10, 1, (c, from, to) -> {
                if (c == 4) {
                    throw ChunkedExecutorTest.<RuntimeException>sneaky(checked);
                }
                return c;
            })).hasCause(checked);
        }
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2, 7})
    void zeroItemsGiveAnEmptyListAndNoCalls(int threads) {
        try (ChunkedExecutor exec = new ChunkedExecutor(threads)) {
            AtomicInteger calls = new AtomicInteger();
            assertThat(exec.mapChunks(0, 16, (c, from, to) -> calls.incrementAndGet())).isEmpty();
            exec.forEachChunk(0, 16, (c, from, to) -> calls.incrementAndGet());
            assertThat(calls).hasValue(0);
        }
    }

    @Test
    void invalidArgumentsAreRejected() {
        try (ChunkedExecutor exec = new ChunkedExecutor(2)) {
            assertThatThrownBy(() -> exec.mapChunks(10, 0, (c, from, to) -> c))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chunkSize");
            assertThatThrownBy(() -> exec.mapChunks(-1, 4, (c, from, to) -> c))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n must be >= 0");
        }
        assertThatThrownBy(() -> new ChunkedExecutor(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads");
    }

    /** Chunk ends near {@code Integer.MAX_VALUE} must not overflow. */
    @Test
    void lastChunkEndDoesNotOverflow() {
        try (ChunkedExecutor exec = new ChunkedExecutor(2)) {
            int n = Integer.MAX_VALUE;
            int chunkSize = Integer.MAX_VALUE / 2 + 1;
            List<Chunk> chunks = exec.mapChunks(n, chunkSize, Chunk::new);
            assertThat(chunks).containsExactly(new Chunk(0, 0, chunkSize), new Chunk(1, chunkSize, n));
        }
    }

    /**
     * A chunk body that itself uses the same executor (e.g. parallel restarts, each with a parallel
     * assignment pass) must not deadlock when every pool thread is busy in an outer chunk.
     */
    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {2, 7})
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void nestedUseOfTheSameExecutorCompletes(int threads) {
        try (ChunkedExecutor exec = new ChunkedExecutor(threads)) {
            List<Integer> outer = exec.mapChunks(4 * threads, 1, (c, from, to) -> {
                List<Integer> inner = exec.mapChunks(50, 5, (ic, ifrom, ito) -> {
                    jitter(ic);
                    return ito - ifrom;
                });
                return inner.stream().mapToInt(Integer::intValue).sum();
            });
            assertThat(outer).hasSize(4 * threads).containsOnly(50);
        }
    }
}
