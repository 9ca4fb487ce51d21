package cn.hotline12345.hub.workflow;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's periodic work: dispatching received tickets, firing deadline clocks, delivering the outbox. Every hub runs it; the database
 * locks make each ticket and clock handled by exactly one of them. A run starts only after the previous one ended, and
 * a full batch runs again at once.
 */
public final class BackgroundJobs {

    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);
    private static final int BATCH = 50;

    private final Vertx vertx;
    private final long periodMillis;
    private volatile boolean stopped;

    public BackgroundJobs(Vertx vertx, long periodMillis) {
        this.vertx = vertx;
        this.periodMillis = periodMillis;
    }

    /** Runs {@code job} periodically; it gets the batch size and answers how much it handled. */
    public BackgroundJobs schedule(String name, java.util.function.IntFunction<Future<Integer>> job) {
        vertx.setTimer(periodMillis, id -> run(name, () -> job.apply(BATCH)));
        return this;
    }

    /** Stops scheduling new runs. */
    public void stop() {
        stopped = true;
    }

    private void run(String name, Supplier<Future<Integer>> job) {
        if (stopped) {
            return;
        }
        job.get().onComplete(result -> {
            if (result.failed()) {
                log.warn("Background job {} failed; retrying", name, result.cause());
            }
            if (stopped) {
                return;
            }
            if (result.succeeded() && result.result() >= BATCH) {
                vertx.runOnContext(v -> run(name, job));
            } else {
                vertx.setTimer(periodMillis, id -> run(name, job));
            }
        });
    }
}
