package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

/** Everything here acts on a table the revision creates: nothing to lint. */
@Revision(id = "d1d1d1d1d1d1", message = "create customer", created = "2026-08-01T09:00:00")
public class R20260801_0900_d1d1d1d1d1d1_create_customer implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("customer",
                column("id", bigint()).primaryKey(),
                column("name", text()),
                column("account_id", bigint()),
                column("email", text()));
        op.createIndex("customer", index("ix_customer_email", "email"));
        op.addConstraint("customer", check("ck_customer_name", "name <> ''"));
        op.alterColumn("customer", "name", setNotNull());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("customer");
    }
}
