package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "d3d3d3d3d3d3", parents = "d2d2d2d2d2d2", message = "add customer phone", created = "2026-04-01T12:00:00")
public class R20260401_1200_d3d3d3d3d3d3_add_customer_phone implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.addColumn("customer", column("phone", varchar(32)));
        op.createIndex("ix_customer_phone", "customer", "phone");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropIndex("ix_customer_phone");
        op.dropColumn("customer", "phone");
    }
}
