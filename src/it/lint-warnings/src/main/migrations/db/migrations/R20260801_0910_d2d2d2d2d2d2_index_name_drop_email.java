package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.AllowLint;
import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "d2d2d2d2d2d2", parents = "d1d1d1d1d1d1", message = "index name, drop email",
        created = "2026-08-01T09:10:00")
@AllowLint(rule = "ban-drop-column", reason = "release 41 stopped reading email")
public class R20260801_0910_d2d2d2d2d2d2_index_name_drop_email implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createIndex("customer", index("ix_customer_name", "name"));
        op.dropColumn("customer", column("email", text()));
    }

    @Override
    public void downgrade(Operations op) {
        op.addColumn("customer", column("email", text()));
        op.createIndex("customer", index("ix_customer_email", "email"));
        op.dropIndex("ix_customer_name");
    }
}
