package dev.clusterlab.host;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A flag that asks running fits to stop, readable from any thread. The execution context of a fit reads
 * this token, not the interrupt flag of whatever thread happens to call {@code checkCancelled()}: a
 * worker thread of the session's pool has its own flag, which a timeout or Ctrl-C never sets.
 */
public final class Cancellation {
    private final AtomicReference<String> reason = new AtomicReference<>();

    /** Asks every fit that reads this token to stop; the first reason given is kept. */
    public void cancel(String why) {
        reason.compareAndSet(null, why == null ? "cancelled" : why);
    }

    /** @return whether {@link #cancel} was called */
    public boolean isCancelled() {
        return reason.get() != null;
    }

    /** @return why it was cancelled, or {@code null} */
    public String reason() {
        return reason.get();
    }
}
