package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "e00000000006", parents = "e00000000005", message = "create t06", created = "2026-05-01T10:06:00")
public class R20260501_1006_e00000000006_create_t06 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("t06",
                column("id", bigint()).identity().primaryKey(),
                column("prev_id", bigint()).notNull(),
                foreignKey("fk_t06_t05", "prev_id").references("t05", "id"));
        // slow enough that two runs started together overlap while one holds the lock
        op.execute("SELECT pg_sleep(0.1)");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("t06");
    }
}
