package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "e00000000012", parents = "e00000000011", message = "create t18", created = "2026-05-01T10:18:00")
public class R20260501_1018_e00000000012_create_t18 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("t18",
                column("id", bigint()).identity().primaryKey(),
                column("prev_id", bigint()).notNull(),
                foreignKey("fk_t18_t17", "prev_id").references("t17", "id"));
        // slow enough that two runs started together overlap while one holds the lock
        op.execute("SELECT pg_sleep(0.1)");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("t18");
    }
}
