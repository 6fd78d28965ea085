package org.ferric.db.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class LockRetryTest {

    private static RuntimeException lockTimeout() {
        // as the DB API wraps it: the SQL state sits on a cause
        return new IllegalStateException("wrapped", new SQLException("A lock could not be obtained", "40XL1"));
    }

    @Test
    void aLostLockRaceRunsTheTransactionAgain() {
        AtomicInteger calls = new AtomicInteger();
        String result = LockRetry.run(() -> {
            if (calls.incrementAndGet() < 3) {
                throw lockTimeout();
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(3, calls.get());
    }

    @Test
    void anyOtherFailureIsThrownAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException other = new IllegalStateException("x", new SQLException("duplicate key", "23505"));
        assertSame(other, assertThrows(IllegalStateException.class, () -> LockRetry.run(() -> {
            calls.incrementAndGet();
            throw other;
        })));
        assertEquals(1, calls.get());
    }

    @Test
    void givesUpAfterItsAttempts() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> LockRetry.run(() -> {
            calls.incrementAndGet();
            throw lockTimeout();
        }));
        assertEquals(LockRetry.ATTEMPTS, calls.get());
    }
}
