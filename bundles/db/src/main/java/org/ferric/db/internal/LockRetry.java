package org.ferric.db.internal;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a transaction again when the database gave up on a lock (SQL state class 40: Derby's lock
 * timeout and deadlock, PostgreSQL's serialization failure and deadlock). Such a transaction was
 * rolled back whole, so running it again is safe. Derby answers so, for instance, to the first
 * concurrent inserts into a new table while it allocates the identity range, and to six
 * inspections storing their inventories at once.
 */
final class LockRetry {
    static final int ATTEMPTS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(LockRetry.class);

    private LockRetry() {
    }

    /** {@code transaction}'s result; its exception once it failed otherwise, or {@link #ATTEMPTS} times. */
    static <R> R run(Supplier<R> transaction) {
        for (int attempt = 1;; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !ConstraintViolations.isTransientLockFailure(e)) {
                    throw e;
                }
                LOG.debug("Transaction lost a lock race (attempt {}), retrying: {}", attempt, ConstraintViolations.summary(e));
                try {
                    Thread.sleep(10L * attempt + ThreadLocalRandom.current().nextInt(10));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
