package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "f00000000003", parents = "f00000000002", message = "create third", created = "2026-06-01T12:00:00")
public class R20260601_1200_f00000000003_create_third implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("third", column("id", bigint()).primaryKey());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("third");
    }
}
