package dev.clusterlab.spark.grid;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import scala.Option;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;
import scala.util.Failure;
import scala.util.Try;

/**
 * Runs as one Spark job with one task per run, whose results reach the driver task by task
 * ({@code SparkContext.submitJob}'s result handler), so the output folder still grows run by run. One job
 * instead of one per run: submitting 48 jobs took the driver about 0.8 s on 2 cores, time the tasks of
 * {@code local[N]} share a machine with, and each job adds its own scheduling round trips. Tasks are
 * handed out in partition order (the plan's), so the scheduler still keeps every core busy.
 */
final class GridJob {
    private final BlockingQueue<List<RunFiles>> finished = new LinkedBlockingQueue<>();
    private final SimpleFutureAction<BoxedUnit> job;

    /**
     * Submits the job; it runs in the background.
     *
     * @param sc the context
     * @param s what the tasks need
     * @param runIds the runs, one task each, in this order
     */
    GridJob(SparkContext sc, GridSettings s, List<String> runIds) {
        RDD<String> ids = JavaSparkContext.fromSparkContext(sc).parallelize(runIds, runIds.size()).rdd();
        List<Object> partitions = IntStream.range(0, runIds.size()).boxed().map(i -> (Object) i).toList();
        job = sc.submitJob(ids, new RunPartition(s), CollectionConverters.asScala(partitions).toList(), new Deliver(finished), new Nothing());
    }

    /**
     * @param millis how long to wait
     * @return the runs of a task that finished, or {@code null} when none did within the wait
     */
    List<RunFiles> next(long millis) throws InterruptedException {
        return finished.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** @return whether the job has ended and every result it delivered has been taken */
    boolean over() {
        // The handler runs before the job completes: once complete, nothing more is added.
        return job.isCompleted() && finished.isEmpty();
    }

    /** @return why the job ended before all its tasks did (a task Spark gave up on), or {@code null} */
    Throwable failure() {
        Option<Try<BoxedUnit>> v = job.value();
        return v.isDefined() && v.get() instanceof Failure<BoxedUnit> f ? f.exception() : null;
    }

    /** Stops the tasks not finished yet. */
    void cancel() {
        job.cancel();
    }

    /** A task: the runs of its partition (one), fitted on the executor. */
    private static final class RunPartition extends AbstractFunction1<Iterator<String>, ArrayList<RunFiles>> implements Serializable {
        private static final long serialVersionUID = 1L;
        private final GridSettings s;

        RunPartition(GridSettings s) {
            this.s = s;
        }

        @Override
        public ArrayList<RunFiles> apply(Iterator<String> ids) {
            ArrayList<RunFiles> out = new ArrayList<>();
            while (ids.hasNext()) {
                try {
                    out.add(ExecutorRuns.run(s, ids.next()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return out;
        }
    }

    /** On the driver, as each task ends (on Spark's scheduler thread: only a hand-over). */
    private static final class Deliver extends AbstractFunction2<Object, ArrayList<RunFiles>, BoxedUnit> {
        private final BlockingQueue<List<RunFiles>> to;

        Deliver(BlockingQueue<List<RunFiles>> to) {
            this.to = to;
        }

        @Override
        public BoxedUnit apply(Object partition, ArrayList<RunFiles> runs) {
            to.add(runs);
            return BoxedUnit.UNIT;
        }
    }

    /** The job's own result: none, the runs come through {@link Deliver}. */
    private static final class Nothing extends AbstractFunction0<BoxedUnit> {
        @Override
        public BoxedUnit apply() {
            return BoxedUnit.UNIT;
        }
    }
}
