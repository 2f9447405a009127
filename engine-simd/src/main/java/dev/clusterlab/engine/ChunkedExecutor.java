package dev.clusterlab.engine;

import dev.clusterlab.api.exec.Parallel;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link Parallel} over a fixed set of worker threads. Chunks are handed out dynamically through an
 * atomic counter (a static split ran at the speed of the slower core on shared machines), but their
 * boundaries depend only on {@code n} and {@code chunkSize} and results are stored by chunk index, so
 * the combined result is the same for any thread count. The calling thread works too, so one thread
 * means no pool at all.
 */
public final class ChunkedExecutor implements Parallel, AutoCloseable {
    private final int threads;
    private final ExecutorService helpers;
    private final boolean ownsHelpers;

    /**
     * @param threads total threads including the caller, at least 1
     */
    public ChunkedExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1; got " + threads);
        }
        this.threads = threads;
        this.ownsHelpers = true;
        this.helpers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "clusterlab-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * An executor whose helper tasks run on a pool someone else owns (a host session's). With a pool
     * that grows on demand, several fits running at once each get their {@code threads - 1} helpers:
     * two jobs of two threads run on four threads, not on three that share one helper.
     *
     * @param threads total threads including the caller, at least 1
     * @param helpers where helper tasks run; not shut down by {@link #close()}
     */
    public ChunkedExecutor(int threads, ExecutorService helpers) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1; got " + threads);
        }
        this.threads = threads;
        this.ownsHelpers = false;
        this.helpers = threads == 1 ? null : java.util.Objects.requireNonNull(helpers, "helpers");
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public void forEachChunk(int n, int chunkSize, ChunkTask task) {
        mapChunks(n, chunkSize, (chunk, from, to) -> {
            task.run(chunk, from, to);
            return null;
        });
    }

    @Override
    public <T> List<T> mapChunks(int n, int chunkSize, ChunkFunction<T> fn) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0; got " + n);
        }
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be >= 1; got " + chunkSize);
        }
        int chunks = Parallel.chunkCount(n, chunkSize);
        if (chunks == 0) {
            return List.of();
        }
        Object[] results = new Object[chunks];
        Throwable[] failures = new Throwable[chunks];
        AtomicInteger next = new AtomicInteger();
        // Counts every chunk index once: when its body ends, or when a failure means it will never be
        // handed out. The caller waits on this, not on the helper tasks: a helper task still queued
        // behind busy pool threads (a chunk body that uses this executor again) then costs nothing,
        // where waiting for it deadlocked once every pool thread was inside an outer chunk.
        CountDownLatch done = new CountDownLatch(chunks);
        Runnable worker = () -> {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                int from = c * chunkSize;
                int to = (int) Math.min(n, (long) from + chunkSize);
                try {
                    results[c] = fn.apply(c, from, to);
                } catch (Throwable t) {
                    failures[c] = t;
                    // Stop handing out work. Chunks with a smaller index were handed out before this
                    // one and still run, so the first failure by chunk order is rethrown.
                    int unclaimed = chunks - Math.min(chunks, next.getAndSet(chunks));
                    for (int i = 0; i < unclaimed; i++) {
                        done.countDown();
                    }
                } finally {
                    done.countDown();
                }
            }
        };
        int extra = helpers == null ? 0 : Math.min(threads - 1, chunks - 1);
        for (int i = 0; i < extra; i++) {
            helpers.execute(worker);
        }
        worker.run();
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for worker threads", e);
        }
        for (Throwable t : failures) {
            if (t instanceof RuntimeException re) {
                throw re;
            }
            if (t instanceof Error err) {
                throw err;
            }
            if (t != null) { // a checked exception thrown sneakily: never swallowed
                throw new IllegalStateException("a chunk failed: " + t, t);
            }
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(results);
        return list;
    }

    @Override
    public void close() {
        if (helpers != null && ownsHelpers) {
            helpers.shutdownNow();
        }
    }
}
