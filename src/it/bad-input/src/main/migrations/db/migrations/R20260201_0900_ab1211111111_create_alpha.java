package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "ab1211111111", message = "create alpha", created = "2026-02-01T09:00:00")
public class R20260201_0900_ab1211111111_create_alpha implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("alpha",
                column("id", bigint()).identity().primaryKey(),
                column("name", varchar(64)).notNull());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("alpha");
    }
}
