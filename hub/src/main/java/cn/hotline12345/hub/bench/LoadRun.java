package cn.hotline12345.hub.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * A closed-loop load run on one event loop: {@code clients} concurrent callers each issue the next operation as soon
 * as their previous one finished, until {@code total} operations are done; reports throughput and latency.
 */
final class LoadRun {

    private final Vertx vertx;
    private final int clients;
    private final int total;
    private final IntFunction<Future<?>> operation;
    private final long[] latencies;
    private int issued;
    private int finished;
    private int failures;
    private long startedAt;
    private String firstFailure;

    LoadRun(Vertx vertx, int clients, int total, IntFunction<Future<?>> operation) {
        this.vertx = vertx;
        this.clients = clients;
        this.total = total;
        this.operation = operation;
        this.latencies = new long[total];
    }

    /** A keep-alive HTTP client of a hub at {@code baseUrl} with a connection per concurrent caller. */
    static WebClient client(Vertx vertx, String baseUrl, int clients) {
        URI uri = URI.create(baseUrl);
        return WebClient.create(
                vertx,
                new WebClientOptions()
                        .setDefaultHost(uri.getHost())
                        .setDefaultPort(uri.getPort())
                        .setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(clients));
    }

    /** Runs to completion and returns the figures as JSON. Blocks the calling (non event-loop) thread. */
    JsonObject run() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Context context = vertx.getOrCreateContext();
        context.runOnContext(start -> {
            startedAt = System.nanoTime();
            for (int c = 0; c < Math.min(clients, total); c++) {
                next(done);
            }
        });
        done.join();
        long elapsed = System.nanoTime() - startedAt;
        long[] sorted = Arrays.copyOf(latencies, finished);
        Arrays.sort(sorted);
        return new JsonObject()
                .put("clients", clients)
                .put("operations", finished)
                .put("failures", failures)
                .put("firstFailure", firstFailure)
                .put("seconds", round(elapsed / 1e9))
                .put("throughputPerSecond", round(finished / (elapsed / 1e9)))
                .put("p50Millis", round(percentile(sorted, 0.50) / 1e6))
                .put("p99Millis", round(percentile(sorted, 0.99) / 1e6))
                .put("maxMillis", round((sorted.length == 0 ? 0 : sorted[sorted.length - 1]) / 1e6));
    }

    private void next(CompletableFuture<Void> done) {
        if (issued >= total) {
            return;
        }
        int index = issued++;
        long begin = System.nanoTime();
        operation.apply(index).onComplete(result -> {
            latencies[finished++] = System.nanoTime() - begin;
            if (result.failed()) {
                failures++;
                if (firstFailure == null) {
                    firstFailure = String.valueOf(result.cause());
                }
            }
            if (finished == total) {
                done.complete(null);
            } else {
                next(done);
            }
        });
    }

    private static long percentile(long[] sorted, double share) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(share * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
