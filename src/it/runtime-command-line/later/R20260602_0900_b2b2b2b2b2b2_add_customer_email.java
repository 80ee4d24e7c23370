package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "b2b2b2b2b2b2", parents = "a1a1a1a1a1a1", message = "add customer email", created = "2026-06-02T09:00:00")
public class R20260602_0900_b2b2b2b2b2b2_add_customer_email implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.addColumn("customer", column("email", varchar(320)));
        // a class of its own, so that nested classes are shipped too
        Runnable check = new Runnable() {
            @Override
            public void run() {
            }
        };
        check.run();
    }

    @Override
    public void downgrade(Operations op) {
        op.dropColumn("customer", "email");
    }
}
