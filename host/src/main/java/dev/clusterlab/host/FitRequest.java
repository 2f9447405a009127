package dev.clusterlab.host;

import dev.clusterlab.api.exec.ProgressListener;
import dev.clusterlab.api.param.AlgorithmParams;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to fit and how: an algorithm id, raw parameter values, a seed, the thread count (0: the
 * session's), a cancellation token and a progress listener ({@code null}: the session's).
 *
 * {@snippet :
 * Cancellation stop = new Cancellation();
 * Fit fit = lab.fit(FitRequest.of("hdbscan", Map.of("min_cluster_size", 15)).seed(7).cancellation(stop)
 *         .progress((fraction, message) -> System.err.println(message)), data);
 * }
 *
 * @param algorithm id or alias
 * @param params raw values by name
 * @param seed the seed
 * @param threads worker threads, or 0 for the session's
 * @param cancellation the token the fit reads
 * @param progress where progress goes, or {@code null} for the session's listener
 */
public record FitRequest(String algorithm, Map<String, ?> params, long seed, int threads, Cancellation cancellation,
                         ProgressListener progress) {
    /** Copies the parameters. */
    public FitRequest {
        Objects.requireNonNull(algorithm, "algorithm");
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        Objects.requireNonNull(cancellation, "cancellation");
    }

    /**
     * @param algorithm id or alias
     * @param params raw values by name
     * @return a request with seed 0, the session's threads and listener, never cancelled
     */
    public static FitRequest of(String algorithm, Map<String, ?> params) {
        return new FitRequest(algorithm, params, 0, 0, new Cancellation(), null);
    }

    /**
     * @param params typed parameters: their algorithm and their values by name
     * @return a request with seed 0, the session's threads and listener, never cancelled
     */
    public static FitRequest of(AlgorithmParams params) {
        return of(params.algorithmId(), params.values());
    }

    /** @param s the seed @return a copy with that seed */
    public FitRequest seed(long s) {
        return new FitRequest(algorithm, params, s, threads, cancellation, progress);
    }

    /** @param n worker threads @return a copy with that many */
    public FitRequest threads(int n) {
        return new FitRequest(algorithm, params, seed, n, cancellation, progress);
    }

    /** @param token the token the fit reads @return a copy with it */
    public FitRequest cancellation(Cancellation token) {
        return new FitRequest(algorithm, params, seed, threads, token, progress);
    }

    /** @param listener where progress goes @return a copy with it */
    public FitRequest progress(ProgressListener listener) {
        return new FitRequest(algorithm, params, seed, threads, cancellation, listener);
    }
}
