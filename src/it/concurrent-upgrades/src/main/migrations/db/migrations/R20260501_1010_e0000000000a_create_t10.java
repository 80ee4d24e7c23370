package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "e0000000000a", parents = "e00000000009", message = "create t10", created = "2026-05-01T10:10:00")
public class R20260501_1010_e0000000000a_create_t10 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("t10",
                column("id", bigint()).identity().primaryKey(),
                column("prev_id", bigint()).notNull(),
                foreignKey("fk_t10_t09", "prev_id").references("t09", "id"));
        // slow enough that two runs started together overlap while one holds the lock
        op.execute("SELECT pg_sleep(0.1)");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("t10");
    }
}
