package db.migrations;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "c4c4c4c4c4c4", parents = "c3c3c3c3c3c3", message = "backfill with jdbc",
        created = "2026-07-01T09:30:00")
public class R20260701_0930_c4c4c4c4c4c4_backfill_with_jdbc implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.run("lower-case every email", connection -> {
            try (var statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE customer SET email = lower(email)");
            }
        });
    }

    @Override
    public void downgrade(Operations op) {
    }
}
