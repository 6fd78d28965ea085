package org.ferric.db.internal;

import org.ferric.db.api.DbApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh in-memory Derby database and an activated {@link DbApiImpl} per test. */
abstract class DatabaseTestBase {
    TestDatabase database;
    DbApi db;

    @BeforeEach
    void openDatabase() {
        database = TestDatabase.inMemory().open();
        db = database.db;
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
