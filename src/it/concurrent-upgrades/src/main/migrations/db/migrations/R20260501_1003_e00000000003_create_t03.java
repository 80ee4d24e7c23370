package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "e00000000003", parents = "e00000000002", message = "create t03", created = "2026-05-01T10:03:00")
public class R20260501_1003_e00000000003_create_t03 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("t03",
                column("id", bigint()).identity().primaryKey(),
                column("prev_id", bigint()).notNull(),
                foreignKey("fk_t03_t02", "prev_id").references("t02", "id"));
        // slow enough that two runs started together overlap while one holds the lock
        op.execute("SELECT pg_sleep(0.1)");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("t03");
    }
}
