package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "a0a0a0a0a0a0", message = "create account", created = "2026-04-01T09:00:00")
public class R20260401_0900_a0a0a0a0a0a0_create_account implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("account", column("id", bigint()).identity().primaryKey());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("account");
    }
}
