package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "e00000000008", parents = "e00000000007", message = "create t08", created = "2026-05-01T10:08:00")
public class R20260501_1008_e00000000008_create_t08 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("t08",
                column("id", bigint()).identity().primaryKey(),
                column("prev_id", bigint()).notNull(),
                foreignKey("fk_t08_t07", "prev_id").references("t07", "id"));
        // slow enough that two runs started together overlap while one holds the lock
        op.execute("SELECT pg_sleep(0.1)");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("t08");
    }
}
