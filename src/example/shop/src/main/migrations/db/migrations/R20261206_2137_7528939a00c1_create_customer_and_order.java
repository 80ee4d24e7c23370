package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

/**
 * create customer and order
 */
@Revision(
        id = "7528939a00c1",
        message = "create customer and order",
        created = "2026-12-06T21:37:00"
)
public class R20261206_2137_7528939a00c1_create_customer_and_order implements Migration {
    @Override
    public void upgrade(Operations op) {
        // com.example.shop.model.Customer
        op.createTable("customer",
                column("birth_date", date()),
                column("id", bigint()).identity().primaryKey(),
                column("postal_code", varchar(20)),
                column("city", varchar(100)),
                column("name", varchar(100)).notNull(),
                column("street", varchar(200)),
                column("email", varchar(320)).notNull(),
                unique("uq_customer_email", "email"));
        // com.example.shop.model.Order
        op.createTable("order",
                column("total", numeric(12, 2)).notNull(),
                column("customer_id", bigint()).notNull(),
                column("id", bigint()).identity().primaryKey(),
                column("placed_at", timestamptz(6)).notNull(),
                column("status", varchar(20)).notNull(),
                check("order_status_check", "status in ('NEW','PAID','SHIPPED','CANCELLED')"),
                foreignKey("fk_order_customer", "customer_id").references("customer", "id"));
        // com.example.shop.model.Order.customer
        op.createIndex("order", index("ix_order_customer", "customer_id"));
    }

    @Override
    public void downgrade(Operations op) {
        // com.example.shop.model.Order.customer
        op.dropIndex("ix_order_customer");
        // REVIEW [ban-drop-table]: drops table order with all its rows; a release still running that uses it fails
        op.dropTable("order");
        // REVIEW [ban-drop-table]: drops table customer with all its rows; a release still running that uses it fails
        op.dropTable("customer");
    }
}
