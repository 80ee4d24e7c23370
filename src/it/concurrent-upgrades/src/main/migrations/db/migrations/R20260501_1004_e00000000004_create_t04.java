package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "e00000000004", parents = "e00000000003", message = "create t04", created = "2026-05-01T10:04:00")
public class R20260501_1004_e00000000004_create_t04 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("t04",
                column("id", bigint()).identity().primaryKey(),
                column("prev_id", bigint()).notNull(),
                foreignKey("fk_t04_t03", "prev_id").references("t03", "id"));
        // slow enough that two runs started together overlap while one holds the lock
        op.execute("SELECT pg_sleep(0.1)");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("t04");
    }
}
