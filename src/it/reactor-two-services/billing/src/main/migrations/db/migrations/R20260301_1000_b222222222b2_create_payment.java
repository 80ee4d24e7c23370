package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "b222222222b2", parents = "b111111111b1", message = "create payment", created = "2026-03-01T10:00:00")
public class R20260301_1000_b222222222b2_create_payment implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("payment", column("id", bigint()).identity().primaryKey(), column("invoice_id", bigint()).notNull(), foreignKey("fk_payment_invoice", "invoice_id").references("invoice", "id"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("payment");
    }
}
