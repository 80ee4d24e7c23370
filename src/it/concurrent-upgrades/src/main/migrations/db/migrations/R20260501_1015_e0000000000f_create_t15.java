package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "e0000000000f", parents = "e0000000000e", message = "create t15", created = "2026-05-01T10:15:00")
public class R20260501_1015_e0000000000f_create_t15 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("t15",
                column("id", bigint()).identity().primaryKey(),
                column("prev_id", bigint()).notNull(),
                foreignKey("fk_t15_t14", "prev_id").references("t14", "id"));
        // slow enough that two runs started together overlap while one holds the lock
        op.execute("SELECT pg_sleep(0.1)");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("t15");
    }
}
