package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

/**
 * CREATE INDEX CONCURRENTLY cannot run in a transaction, and waits for every transaction that
 * could see the table: it must not wait for the run's own lock (as it does under Flyway's
 * transaction-scoped advisory lock).
 */
@Revision(id = "f00000000004", parents = "f00000000003", message = "index third concurrently",
        created = "2026-06-01T13:00:00", transactional = false)
public class R20260601_1300_f00000000004_index_third_concurrently implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createIndexConcurrently("third", index("ix_third_id_desc", "id"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropIndexConcurrently("third", index("ix_third_id_desc", "id"));
    }
}
