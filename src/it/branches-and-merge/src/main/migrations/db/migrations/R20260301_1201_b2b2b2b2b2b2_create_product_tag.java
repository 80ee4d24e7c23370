package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

/** Branch 2 (another developer's work, written in parallel with b1). */
@Revision(id = "b2b2b2b2b2b2", parents = "aaaa11111111", message = "create product tag", created = "2026-03-01T12:01:00")
public class R20260301_1201_b2b2b2b2b2b2_create_product_tag implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("product_tag",
                column("product_id", bigint()).notNull(),
                column("tag", varchar(64)).notNull(),
                primaryKey("pk_product_tag", "product_id", "tag"),
                foreignKey("fk_product_tag_product", "product_id").references("product", "id"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("product_tag");
    }
}
