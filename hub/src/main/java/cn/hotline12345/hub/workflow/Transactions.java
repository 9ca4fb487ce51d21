package cn.hotline12345.hub.workflow;

import io.vertx.core.Future;
import io.vertx.sqlclient.DatabaseException;
import java.util.function.Supplier;

/** Runs a transaction again when MariaDB chose it as a deadlock victim or it waited too long for a lock. */
final class Transactions {

    private static final int DEADLOCK = 1213;
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final int ATTEMPTS = 3;

    private Transactions() {}

    static <T> Future<T> retryOnDeadlock(Supplier<Future<T>> transaction) {
        return attempt(transaction, 1);
    }

    private static <T> Future<T> attempt(Supplier<Future<T>> transaction, int attempt) {
        return transaction.get().recover(failure -> {
            boolean retry = failure instanceof DatabaseException db
                    && (db.getErrorCode() == DEADLOCK || db.getErrorCode() == LOCK_WAIT_TIMEOUT)
                    && attempt < ATTEMPTS;
            return retry ? attempt(transaction, attempt + 1) : Future.failedFuture(failure);
        });
    }
}
