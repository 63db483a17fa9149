package dev.interlock.server.approval;

import dev.interlock.server.storage.Database;
import dev.interlock.server.storage.TestPostgres;

/** Every {@link GrantServiceTest} case again on a fresh PostgreSQL database. */
class PostgresGrantServiceTest extends GrantServiceTest {
    @Override
    Database database() {
        return Database.postgresql(TestPostgres.freshDatabase());
    }
}
