package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;
import dev.migrations.api.model.ReferentialAction;

/** "order" and "user" are reserved words: the engine must quote them. */
@Revision(id = "b2b2b2b2b2b2", parents = "a1a1a1a1a1a1", message = "create order", created = "2026-01-01T11:00:00")
public class R20260101_1100_b2b2b2b2b2b2_create_order implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("order",
                column("id", bigint()).identity().primaryKey(),
                column("customer_id", bigint()).notNull(),
                column("user", varchar(64)),
                column("total", numeric(12, 2)).notNull().serverDefault("0"),
                foreignKey("fk_order_customer", "customer_id").references("customer", "id")
                        .onDelete(ReferentialAction.CASCADE));
        op.createIndex("ix_order_customer", "order", "customer_id");
        op.createSequence(sequence("order_number_seq").startWith(1000).incrementBy(10));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropSequence("order_number_seq");
        op.dropIndex("ix_order_customer");
        op.dropTable("order");
    }
}
