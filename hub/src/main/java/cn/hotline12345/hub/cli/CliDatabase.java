package cn.hotline12345.hub.cli;

import cn.hotline12345.hub.HubConfig;
import cn.hotline12345.hub.storage.Datastores;
import cn.hotline12345.hub.storage.SchemaMigrator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The database for a command-line tool: the one of the hub running on the data directory, the external one named by
 * {@code HUB_MYSQL_URI}, or an embedded one started for the duration of the command.
 */
final class CliDatabase implements AutoCloseable {

    private final Datastores datastores;
    private final Vertx vertx;
    private final Pool pool;

    private CliDatabase(Datastores datastores, Vertx vertx, Pool pool) {
        this.datastores = datastores;
        this.vertx = vertx;
        this.pool = pool;
    }

    static CliDatabase open(Path dataDir) {
        HubConfig config = HubConfig.fromEnvironment(System.getenv());
        if (dataDir != null) {
            config = config.withDataDir(dataDir);
        }
        Datastores datastores = Datastores.openShared(config);
        try {
            SchemaMigrator.migrate(datastores.mysqlUri());
            Vertx vertx = Vertx.vertx();
            Pool pool = MySQLBuilder.pool()
                    .with(new PoolOptions().setMaxSize(2))
                    .connectingTo(MySQLConnectOptions.fromUri(datastores.mysqlUri()))
                    .using(vertx)
                    .build();
            return new CliDatabase(datastores, vertx, pool);
        } catch (RuntimeException e) {
            datastores.close();
            throw e;
        }
    }

    Pool pool() {
        return pool;
    }

    Vertx vertx() {
        return vertx;
    }

    /** Waits for a future of this tool; its failure becomes an exception with the cause's message. */
    <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException(cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The database did not answer in time", e);
        }
    }

    @Override
    public void close() {
        try {
            pool.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the process is about to exit; the servers' own shutdown follows
        } finally {
            datastores.close();
        }
    }
}
