package dev.clusterlab.host;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A flag that asks running fits to stop, readable from any thread. The execution context of a fit reads
 * this token, not the interrupt flag of whatever thread happens to call {@code checkCancelled()}: a
 * worker thread of the session's pool has its own flag, which a timeout or Ctrl-C never sets.
 */
public final class Cancellation {
    private final AtomicReference<String> reason = new AtomicReference<>();
    private final Cancellation parent;

    /** A token no one has cancelled yet. */
    public Cancellation() {
        this(null);
    }

    private Cancellation(Cancellation parent) {
        this.parent = parent;
    }

    /**
     * @return a token cancelled by its own {@link #cancel} or by this one's (one run's token under an
     *     experiment's Ctrl-C token)
     */
    public Cancellation child() {
        return new Cancellation(this);
    }

    /** Asks every fit that reads this token to stop; the first reason given is kept. */
    public void cancel(String why) {
        reason.compareAndSet(null, why == null ? "cancelled" : why);
    }

    /** @return whether {@link #cancel} was called */
    public boolean isCancelled() {
        return reason.get() != null || parent != null && parent.isCancelled();
    }

    /** @return why it was cancelled, or {@code null} */
    public String reason() {
        String own = reason.get();
        return own != null || parent == null ? own : parent.reason();
    }
}
