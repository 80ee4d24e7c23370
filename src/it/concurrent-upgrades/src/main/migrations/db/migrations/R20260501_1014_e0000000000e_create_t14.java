package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "e0000000000e", parents = "e0000000000d", message = "create t14", created = "2026-05-01T10:14:00")
public class R20260501_1014_e0000000000e_create_t14 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("t14",
                column("id", bigint()).identity().primaryKey(),
                column("prev_id", bigint()).notNull(),
                foreignKey("fk_t14_t13", "prev_id").references("t13", "id"));
        // slow enough that two runs started together overlap while one holds the lock
        op.execute("SELECT pg_sleep(0.1)");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("t14");
    }
}
