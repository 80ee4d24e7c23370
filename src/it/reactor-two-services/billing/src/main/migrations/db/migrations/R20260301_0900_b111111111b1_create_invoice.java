package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "b111111111b1", message = "create invoice", created = "2026-03-01T09:00:00")
public class R20260301_0900_b111111111b1_create_invoice implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("invoice", column("id", bigint()).identity().primaryKey(), column("amount", numeric(12, 2)).notNull());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("invoice");
    }
}
