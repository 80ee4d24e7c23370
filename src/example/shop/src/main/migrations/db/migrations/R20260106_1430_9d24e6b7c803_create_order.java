package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;
import dev.migrations.api.model.ReferentialAction;

/** create order ("order" is a reserved word; the plugin quotes it) */
@Revision(id = "9d24e6b7c803", parents = "5f1c0a7e2b91", message = "create order", created = "2026-01-06T14:30:00")
public class R20260106_1430_9d24e6b7c803_create_order implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("order",
                column("id", bigint()).identity().primaryKey(),
                column("customer_id", bigint()).notNull(),
                column("total", numeric(12, 2)).notNull().serverDefault("0"),
                foreignKey("fk_order_customer", "customer_id").references("customer", "id")
                        .onDelete(ReferentialAction.CASCADE));
        op.createIndex("ix_order_customer", "order", "customer_id");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropIndex("ix_order_customer");
        op.dropTable("order");
    }
}
