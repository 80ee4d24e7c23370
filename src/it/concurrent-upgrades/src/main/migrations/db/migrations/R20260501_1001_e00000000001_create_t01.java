package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "e00000000001", message = "create t01", created = "2026-05-01T10:01:00")
public class R20260501_1001_e00000000001_create_t01 implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("t01",
                column("id", bigint()).identity().primaryKey());
        // slow enough that two runs started together overlap while one holds the lock
        op.execute("SELECT pg_sleep(0.1)");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("t01");
    }
}
