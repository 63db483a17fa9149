package dev.interlock.server.approval;

import dev.interlock.server.storage.Database;
import dev.interlock.server.storage.TestPostgres;

/** Every {@link ApprovalServiceTest} case again on a fresh PostgreSQL database. */
class PostgresApprovalServiceTest extends ApprovalServiceTest {
    @Override
    Database database() {
        return Database.postgresql(TestPostgres.freshDatabase());
    }
}
