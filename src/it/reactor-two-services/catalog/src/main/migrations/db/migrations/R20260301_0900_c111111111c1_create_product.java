package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "c111111111c1", message = "create product", created = "2026-03-01T09:00:00")
public class R20260301_0900_c111111111c1_create_product implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("product", column("id", bigint()).identity().primaryKey(), column("sku", varchar(32)).notNull(), unique("uq_product_sku", "sku"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("product");
    }
}
