package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "e0000000000d", parents = "e0000000000c", message = "create t13", created = "2026-05-01T10:13:00")
public class R20260501_1013_e0000000000d_create_t13 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("t13",
                column("id", bigint()).identity().primaryKey(),
                column("prev_id", bigint()).notNull(),
                foreignKey("fk_t13_t12", "prev_id").references("t12", "id"));
        // slow enough that two runs started together overlap while one holds the lock
        op.execute("SELECT pg_sleep(0.1)");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("t13");
    }
}
