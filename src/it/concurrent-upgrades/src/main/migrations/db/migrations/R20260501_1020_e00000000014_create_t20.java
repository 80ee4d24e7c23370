package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "e00000000014", parents = "e00000000013", message = "create t20", created = "2026-05-01T10:20:00")
public class R20260501_1020_e00000000014_create_t20 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("t20",
                column("id", bigint()).identity().primaryKey(),
                column("prev_id", bigint()).notNull(),
                foreignKey("fk_t20_t19", "prev_id").references("t19", "id"));
        // slow enough that two runs started together overlap while one holds the lock
        op.execute("SELECT pg_sleep(0.1)");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("t20");
    }
}
