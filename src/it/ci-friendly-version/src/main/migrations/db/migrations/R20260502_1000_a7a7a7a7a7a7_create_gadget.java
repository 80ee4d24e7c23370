package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "a7a7a7a7a7a7", message = "create gadget", created = "2026-05-02T10:00:00")
public class R20260502_1000_a7a7a7a7a7a7_create_gadget implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("gadget", column("id", bigint()).primaryKey());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("gadget");
    }
}
