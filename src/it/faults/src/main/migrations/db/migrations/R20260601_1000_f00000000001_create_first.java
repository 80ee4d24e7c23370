package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "f00000000001", message = "create first", created = "2026-06-01T10:00:00")
public class R20260601_1000_f00000000001_create_first implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("first", column("id", bigint()).primaryKey());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("first");
    }
}
