package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "c1c1c1c1c1c1", message = "create customer", created = "2026-07-01T09:00:00")
public class R20260701_0900_c1c1c1c1c1c1_create_customer implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("customer",
                column("id", bigint()).primaryKey(),
                column("name", varchar(100)).notNull());
        op.createIndex("ix_customer_name", "customer", "name");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropIndex("ix_customer_name");
        op.dropTable("customer");
    }
}
