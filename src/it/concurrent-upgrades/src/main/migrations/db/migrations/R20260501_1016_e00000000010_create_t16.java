package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "e00000000010", parents = "e0000000000f", message = "create t16", created = "2026-05-01T10:16:00")
public class R20260501_1016_e00000000010_create_t16 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("t16",
                column("id", bigint()).identity().primaryKey(),
                column("prev_id", bigint()).notNull(),
                foreignKey("fk_t16_t15", "prev_id").references("t15", "id"));
        // slow enough that two runs started together overlap while one holds the lock
        op.execute("SELECT pg_sleep(0.1)");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("t16");
    }
}
