package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

/** Its id shares the prefix "ab" with the first revision's, so that "ab" is ambiguous. */
@Revision(id = "ab3422222222", parents = "ab1211111111", message = "create beta", created = "2026-02-01T10:00:00")
public class R20260201_1000_ab3422222222_create_beta implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("beta",
                column("id", bigint()).identity().primaryKey(),
                column("alpha_id", bigint()).notNull(),
                foreignKey("fk_beta_alpha", "alpha_id").references("alpha", "id"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("beta");
    }
}
