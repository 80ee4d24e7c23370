package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "d2d2d2d2d2d2", parents = "d1d1d1d1d1d1", message = "create order", created = "2026-04-01T11:00:00")
public class R20260401_1100_d2d2d2d2d2d2_create_order implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("order",
                column("id", bigint()).identity().primaryKey(),
                column("customer_id", bigint()).notNull(),
                column("total", numeric(12, 2)).notNull().serverDefault("0"),
                foreignKey("fk_order_customer", "customer_id").references("customer", "id"));
        op.createIndex("ix_order_customer", "order", "customer_id");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropIndex("ix_order_customer");
        op.dropTable("order");
    }
}
