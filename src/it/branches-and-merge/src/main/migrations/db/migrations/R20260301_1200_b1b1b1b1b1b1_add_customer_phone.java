package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

/** Branch 1 (one developer's work). */
@Revision(id = "b1b1b1b1b1b1", parents = "aaaa11111111", message = "add customer phone", created = "2026-03-01T12:00:00")
public class R20260301_1200_b1b1b1b1b1b1_add_customer_phone implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.addColumn("customer", column("phone", varchar(32)));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropColumn("customer", "phone");
    }
}
