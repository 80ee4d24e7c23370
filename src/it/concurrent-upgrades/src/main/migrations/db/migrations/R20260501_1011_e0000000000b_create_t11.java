package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "e0000000000b", parents = "e0000000000a", message = "create t11", created = "2026-05-01T10:11:00")
public class R20260501_1011_e0000000000b_create_t11 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("t11",
                column("id", bigint()).identity().primaryKey(),
                column("prev_id", bigint()).notNull(),
                foreignKey("fk_t11_t10", "prev_id").references("t10", "id"));
        // slow enough that two runs started together overlap while one holds the lock
        op.execute("SELECT pg_sleep(0.1)");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("t11");
    }
}
