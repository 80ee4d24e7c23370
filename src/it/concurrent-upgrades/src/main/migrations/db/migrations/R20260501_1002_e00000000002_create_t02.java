package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "e00000000002", parents = "e00000000001", message = "create t02", created = "2026-05-01T10:02:00")
public class R20260501_1002_e00000000002_create_t02 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("t02",
                column("id", bigint()).identity().primaryKey(),
                column("prev_id", bigint()).notNull(),
                foreignKey("fk_t02_t01", "prev_id").references("t01", "id"));
        // slow enough that two runs started together overlap while one holds the lock
        op.execute("SELECT pg_sleep(0.1)");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("t02");
    }
}
