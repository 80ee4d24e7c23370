package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "e0000000000c", parents = "e0000000000b", message = "create t12", created = "2026-05-01T10:12:00")
public class R20260501_1012_e0000000000c_create_t12 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("t12",
                column("id", bigint()).identity().primaryKey(),
                column("prev_id", bigint()).notNull(),
                foreignKey("fk_t12_t11", "prev_id").references("t11", "id"));
        // slow enough that two runs started together overlap while one holds the lock
        op.execute("SELECT pg_sleep(0.1)");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("t12");
    }
}
