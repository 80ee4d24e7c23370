package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

/** A long revision: the test makes it sleep (-Dit.sleepSeconds) between its two operations. */
@Revision(id = "f00000000002", parents = "f00000000001", message = "slow second", created = "2026-06-01T11:00:00")
public class R20260601_1100_f00000000002_slow_second implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("second", column("id", bigint()).primaryKey(), column("first_id", bigint()),
                foreignKey("fk_second_first", "first_id").references("first", "id"));
        op.execute("SELECT pg_sleep(" + Integer.getInteger("it.sleepSeconds", 0) + ")");
        op.createIndex("ix_second_first", "second", "first_id");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("second");
    }
}
