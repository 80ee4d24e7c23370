package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "e00000000013", parents = "e00000000012", message = "create t19", created = "2026-05-01T10:19:00")
public class R20260501_1019_e00000000013_create_t19 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("t19",
                column("id", bigint()).identity().primaryKey(),
                column("prev_id", bigint()).notNull(),
                foreignKey("fk_t19_t18", "prev_id").references("t18", "id"));
        // slow enough that two runs started together overlap while one holds the lock
        op.execute("SELECT pg_sleep(0.1)");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("t19");
    }
}
