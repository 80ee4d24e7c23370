package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "a1a1a1a1a1a1", message = "create customer", created = "2026-06-01T09:00:00")
public class R20260601_0900_a1a1a1a1a1a1_create_customer implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("customer",
                column("id", bigint()).primaryKey(),
                column("name", varchar(255)));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("customer");
    }
}
