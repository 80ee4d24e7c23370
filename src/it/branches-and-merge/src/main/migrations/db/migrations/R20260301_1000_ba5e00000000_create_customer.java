package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "ba5e00000000", message = "create customer", created = "2026-03-01T10:00:00")
public class R20260301_1000_ba5e00000000_create_customer implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("customer",
                column("id", bigint()).identity().primaryKey(),
                column("email", varchar(320)).notNull());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("customer");
    }
}
