package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "aaaa00000001", message = "create account", created = "2026-02-01T10:00:00")
public class R20260201_1000_aaaa00000001_create_account implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("account",
                column("id", bigint()).identity().primaryKey(),
                column("name", varchar(100)).notNull());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("account");
    }
}
