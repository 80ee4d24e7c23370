package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "b0b0b0b0b0b0", parents = "a0a0a0a0a0a0", message = "add account email", created = "2026-04-01T10:00:00")
public class R20260401_1000_b0b0b0b0b0b0_add_account_email implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.addColumn("account", column("email", varchar(320)).notNull());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropColumn("account", "email");
    }
}
