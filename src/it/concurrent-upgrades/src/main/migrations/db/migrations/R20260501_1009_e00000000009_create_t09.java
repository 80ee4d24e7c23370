package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "e00000000009", parents = "e00000000008", message = "create t09", created = "2026-05-01T10:09:00")
public class R20260501_1009_e00000000009_create_t09 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("t09",
                column("id", bigint()).identity().primaryKey(),
                column("prev_id", bigint()).notNull(),
                foreignKey("fk_t09_t08", "prev_id").references("t08", "id"));
        // slow enough that two runs started together overlap while one holds the lock
        op.execute("SELECT pg_sleep(0.1)");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("t09");
    }
}
