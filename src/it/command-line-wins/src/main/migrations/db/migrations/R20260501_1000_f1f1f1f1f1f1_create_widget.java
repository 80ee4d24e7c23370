package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "f1f1f1f1f1f1", message = "create widget", created = "2026-05-01T10:00:00")
public class R20260501_1000_f1f1f1f1f1f1_create_widget implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("widget", column("id", bigint()).primaryKey());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("widget");
    }
}
