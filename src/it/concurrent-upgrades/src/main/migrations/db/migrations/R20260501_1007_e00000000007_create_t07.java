package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "e00000000007", parents = "e00000000006", message = "create t07", created = "2026-05-01T10:07:00")
public class R20260501_1007_e00000000007_create_t07 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("t07",
                column("id", bigint()).identity().primaryKey(),
                column("prev_id", bigint()).notNull(),
                foreignKey("fk_t07_t06", "prev_id").references("t06", "id"));
        // slow enough that two runs started together overlap while one holds the lock
        op.execute("SELECT pg_sleep(0.1)");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("t07");
    }
}
