package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "c0c0c0c0c0c0", message = "create account", created = "2026-07-01T10:00:00")
public class R20260701_1000_c0c0c0c0c0c0_create_account implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("account", column("id", bigint()).primaryKey());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("account");
    }
}
