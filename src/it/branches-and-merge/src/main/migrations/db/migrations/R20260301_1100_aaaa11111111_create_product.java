package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

/** The branch point: b1 and b2 both follow it. */
@Revision(id = "aaaa11111111", parents = "ba5e00000000", message = "create product", created = "2026-03-01T11:00:00")
public class R20260301_1100_aaaa11111111_create_product implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("product",
                column("id", bigint()).identity().primaryKey(),
                column("name", varchar(200)).notNull());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("product");
    }
}
