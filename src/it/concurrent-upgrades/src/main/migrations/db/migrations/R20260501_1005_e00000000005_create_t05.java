package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "e00000000005", parents = "e00000000004", message = "create t05", created = "2026-05-01T10:05:00")
public class R20260501_1005_e00000000005_create_t05 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("t05",
                column("id", bigint()).identity().primaryKey(),
                column("prev_id", bigint()).notNull(),
                foreignKey("fk_t05_t04", "prev_id").references("t04", "id"));
        // slow enough that two runs started together overlap while one holds the lock
        op.execute("SELECT pg_sleep(0.1)");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("t05");
    }
}
