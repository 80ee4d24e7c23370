package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "d1d1d1d1d1d1", message = "create customer", created = "2026-04-01T10:00:00")
public class R20260401_1000_d1d1d1d1d1d1_create_customer implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("customer",
                column("id", bigint()).identity().primaryKey(),
                column("email", varchar(320)).notNull(),
                unique("uq_customer_email", "email"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("customer");
    }
}
