package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "e00000000011", parents = "e00000000010", message = "create t17", created = "2026-05-01T10:17:00")
public class R20260501_1017_e00000000011_create_t17 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("t17",
                column("id", bigint()).identity().primaryKey(),
                column("prev_id", bigint()).notNull(),
                foreignKey("fk_t17_t16", "prev_id").references("t16", "id"));
        // slow enough that two runs started together overlap while one holds the lock
        op.execute("SELECT pg_sleep(0.1)");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("t17");
    }
}
