package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "a1a1a1a1a1a1", message = "create customer", created = "2026-01-01T10:00:00")
public class R20260101_1000_a1a1a1a1a1a1_create_customer implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("customer",
                column("id", bigint()).identity().primaryKey(),
                column("email", varchar(255)).notNull(),
                column("created_at", timestamptz()).notNull().serverDefault("now()"),
                unique("uq_customer_email", "email"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("customer");
    }
}
