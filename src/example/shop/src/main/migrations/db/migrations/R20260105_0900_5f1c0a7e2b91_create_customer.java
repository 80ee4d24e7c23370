package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

/** create customer */
@Revision(id = "5f1c0a7e2b91", message = "create customer", created = "2026-01-05T09:00:00")
public class R20260105_0900_5f1c0a7e2b91_create_customer implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("customer",
                column("id", bigint()).identity().primaryKey(),
                column("email", varchar(320)).notNull(),
                column("created_at", timestamptz()).notNull().serverDefault("now()"),
                unique("uq_customer_email", "email"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("customer");
    }
}
