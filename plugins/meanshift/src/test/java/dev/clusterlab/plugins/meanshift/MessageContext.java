package dev.clusterlab.plugins.meanshift;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.Parallel;
import dev.clusterlab.api.exec.ProgressListener;
import dev.clusterlab.api.kernel.Kernels;
import java.util.Collections;
import java.util.List;

/** A context that records the progress messages of a fit, for tests. */
record MessageContext(ExecutionContext outer, List<String> messages) implements ExecutionContext {
    MessageContext {
        messages = Collections.synchronizedList(messages);
    }

    @Override
    public Kernels kernels() {
        return outer.kernels();
    }

    @Override
    public Parallel parallel() {
        return outer.parallel();
    }

    @Override
    public long seed() {
        return outer.seed();
    }

    @Override
    public ProgressListener progress() {
        return (fraction, message) -> {
            if (message != null) {
                messages.add(message);
            }
        };
    }

    @Override
    public boolean cancelled() {
        return outer.cancelled();
    }

    @Override
    public ExecutionContext withSeed(long seed) {
        return new MessageContext(outer.withSeed(seed), messages);
    }
}
